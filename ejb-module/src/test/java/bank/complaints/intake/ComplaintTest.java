package bank.complaints.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bank.complaints.common.RuleViolationException;
import bank.complaints.notification.NoticeMedium;
import bank.complaints.routing.DepartmentCode;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ComplaintTest {

  private static Complaint received() {
    return Complaint.receive(
        new NewComplaint(
            Channel.BRANCH_COUNTER,
            "张三",
            "13812345678",
            null,
            NoticeMedium.SMS,
            "排队时间过长",
            "等了两个小时"),
        Instant.parse("2026-11-23T02:00:00Z"));
  }

  @Test
  @DisplayName("R-I1 R-I6 a received complaint records its channel and time and starts REGISTERED")
  void receivedComplaintIsRegistered() {
    Complaint complaint = received();
    assertEquals(ComplaintStatus.REGISTERED, complaint.status());
    assertEquals(Channel.BRANCH_COUNTER, complaint.channel());
    assertEquals(Channel.Kind.OFFLINE, complaint.channel().kind());
    assertEquals(Instant.parse("2026-11-23T02:00:00Z"), complaint.receivedAt());
  }

  @Test
  @DisplayName("R-F1 assignment moves a registered complaint to its department, once")
  void assignmentIsOneWay() {
    Complaint complaint = received();
    complaint.assignTo(new DepartmentCode("OPS"));
    assertEquals(ComplaintStatus.ASSIGNED, complaint.status());
    assertEquals(new DepartmentCode("OPS"), complaint.department());
    assertThrows(RuleViolationException.class, () -> complaint.assignTo(new DepartmentCode("CSC")));
  }

  @Test
  @DisplayName("The transition table allows exactly the listed moves")
  void transitionTable() {
    for (ComplaintStatus from : ComplaintStatus.values()) {
      for (ComplaintStatus to : ComplaintStatus.values()) {
        boolean expected =
            (from == ComplaintStatus.REGISTERED && to == ComplaintStatus.ASSIGNED)
                || (from == ComplaintStatus.ASSIGNED && to == ComplaintStatus.INVESTIGATING);
        assertEquals(expected, from.canMoveTo(to), from + " -> " + to);
      }
    }
    assertFalse(ComplaintStatus.ASSIGNED.canMoveTo(ComplaintStatus.REGISTERED));
    assertTrue(ComplaintStatus.REGISTERED.canMoveTo(ComplaintStatus.ASSIGNED));
  }

  @Test
  void numberNeedsIdentity() {
    assertThrows(
        IllegalStateException.class, () -> received().issueNumber(ZoneId.of("Asia/Shanghai")));
  }
}
