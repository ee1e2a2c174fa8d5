package bank.complaints.complaint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bank.complaints.common.InvalidRequestException;
import bank.complaints.common.Money;
import bank.complaints.common.RuleViolationException;
import bank.complaints.department.DepartmentCode;
import bank.complaints.grading.CauseTag;
import bank.complaints.intake.NewComplaint;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ComplaintTest {

  private static Complaint received() {
    return Complaint.receive(
        new NewComplaint(
            Channel.BRANCH_COUNTER,
            FeedbackType.COMPLAINT,
            "张三",
            "13812345678",
            null,
            NoticeMedium.SMS,
            ResultMedium.PHONE_CALL,
            null,
            null,
            List.of(),
            "排队时间过长",
            "等了两个小时",
            Instant.parse("2026-11-23T00:30:00Z"),
            "朝阳支行营业厅",
            "110000",
            List.of(new InvolvedStaff("李四", "E10023", "朝阳支行")),
            List.of("对公开户"),
            null,
            List.of(),
            null,
            "大堂经理 王五"),
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
  @DisplayName(
      "R-P4 the lifecycle table allows exactly the listed moves, and nothing leaves ARCHIVED")
  void transitionTable() {
    Map<ComplaintStatus, Set<ComplaintStatus>> allowed = new EnumMap<>(ComplaintStatus.class);
    allowed.put(ComplaintStatus.REGISTERED, Set.of(ComplaintStatus.ASSIGNED));
    allowed.put(ComplaintStatus.ASSIGNED, Set.of(ComplaintStatus.INVESTIGATING));
    allowed.put(
        ComplaintStatus.INVESTIGATING,
        Set.of(ComplaintStatus.RESOLUTION_PROPOSED, ComplaintStatus.REFERRED_OUTSIDE));
    allowed.put(
        ComplaintStatus.RESOLUTION_PROPOSED,
        Set.of(ComplaintStatus.RESULT_NOTIFIED, ComplaintStatus.INVESTIGATING));
    allowed.put(
        ComplaintStatus.RESULT_NOTIFIED,
        Set.of(ComplaintStatus.EXECUTING, ComplaintStatus.INVESTIGATING));
    allowed.put(ComplaintStatus.EXECUTING, Set.of(ComplaintStatus.FOLLOW_UP));
    allowed.put(
        ComplaintStatus.FOLLOW_UP, Set.of(ComplaintStatus.CLOSED, ComplaintStatus.INVESTIGATING));
    allowed.put(ComplaintStatus.CLOSED, Set.of(ComplaintStatus.ARCHIVED));
    allowed.put(ComplaintStatus.REFERRED_OUTSIDE, Set.of(ComplaintStatus.ARCHIVED));
    allowed.put(ComplaintStatus.ARCHIVED, Set.of());
    assertEquals(ComplaintStatus.values().length, allowed.size(), "every status is listed");
    for (ComplaintStatus from : ComplaintStatus.values()) {
      for (ComplaintStatus to : ComplaintStatus.values()) {
        assertEquals(allowed.get(from).contains(to), from.canMoveTo(to), from + " -> " + to);
      }
      assertEquals(allowed.get(from), from.next());
    }
  }

  @Test
  @DisplayName(
      "R-F6 R-F8 a rejected result reopens the case and counts it; R-X3 a referral records the routes and the choice")
  void reopenAndReferral() {
    Complaint complaint = received();
    complaint.assignTo(new DepartmentCode("CSC"));
    complaint.startInvestigation();
    complaint.proposeResolution();
    complaint.resultNotified();
    complaint.reopen();
    assertEquals(ComplaintStatus.INVESTIGATING, complaint.status());
    assertEquals(1, complaint.reopenCount());
    assertThrows(RuleViolationException.class, complaint::archive);
    assertThrows(
        InvalidRequestException.class,
        () -> complaint.referOutside(List.of("MEDIATION"), "COURT"),
        "the choice is one of the routes offered");
    complaint.referOutside(List.of("MEDIATION", "ARBITRATION"), "ARBITRATION");
    assertEquals(List.of("MEDIATION", "ARBITRATION"), complaint.referral().orElseThrow().offered());
    assertEquals("ARBITRATION", complaint.referral().orElseThrow().chosen().orElseThrow());
    complaint.archive();
    assertEquals(ComplaintStatus.ARCHIVED, complaint.status());
  }

  @Test
  @DisplayName(
      "R-I4 when, where, who and what: kept as told; it cannot have happened after the receipt")
  void whatHappened() {
    Complaint complaint = received();
    assertEquals(Instant.parse("2026-11-23T00:30:00Z"), complaint.occurredAt().orElseThrow());
    assertEquals("朝阳支行营业厅", complaint.occurredWhere());
    assertEquals(List.of("对公开户"), complaint.productsInvolved());
    assertTrue(complaint.namesEmployee("E10023"), "R-P2 needs to know whom it names");
    assertFalse(complaint.namesEmployee("E99999"));
    Instant now = Instant.parse("2026-11-23T02:00:00Z");
    Instant letterArrived = Instant.parse("2026-11-20T02:00:00Z");
    assertThrows(
        InvalidRequestException.class,
        () ->
            Complaint.receive(
                from(Channel.LETTER, letterArrived, "收发室", letterArrived.plusSeconds(60)), now));
    assertEquals(
        letterArrived.minusSeconds(60),
        Complaint.receive(
                from(Channel.LETTER, letterArrived, "收发室", letterArrived.minusSeconds(60)), now)
            .occurredAt()
            .orElseThrow());
  }

  @Test
  @DisplayName("R-G3 cause tags: rules add, staff replace; R-I7 the first owner named stays")
  void causeTagsAndOwner() {
    Complaint complaint = received();
    complaint.addCauseTags(Set.of(CauseTag.LONG_WAIT_SIMPLE_BUSINESS));
    assertFalse(complaint.tagCauses(Set.of(CauseTag.LONG_WAIT_SIMPLE_BUSINESS)));
    assertTrue(
        complaint.tagCauses(Set.of(CauseTag.CLOSED_COUNTERS, CauseTag.LONG_WAIT_SIMPLE_BUSINESS)));
    assertEquals(
        List.of(CauseTag.LONG_WAIT_SIMPLE_BUSINESS, CauseTag.CLOSED_COUNTERS),
        List.copyOf(complaint.causeTags()));
    assertTrue(complaint.tagCauses(Set.of()));
    assertEquals(Set.of(), complaint.causeTags());
    assertTrue(complaint.nameOwner("值班主管 甲"));
    assertFalse(complaint.nameOwner("值班主管 乙"));
    assertEquals("值班主管 甲", complaint.owner().orElseThrow());
  }

  @Test
  void numberNeedsIdentity() {
    assertThrows(
        IllegalStateException.class, () -> received().issueNumber(ZoneId.of("Asia/Shanghai")));
  }

  private static NewComplaint from(Channel channel, Instant receivedAt, String receivedBy) {
    return from(channel, receivedAt, receivedBy, null);
  }

  private static NewComplaint from(
      Channel channel, Instant receivedAt, String receivedBy, Instant occurredAt) {
    return new NewComplaint(
        channel,
        FeedbackType.COMPLAINT,
        "张三",
        "13812345678",
        null,
        NoticeMedium.SMS,
        ResultMedium.SMS,
        new IdentityDocument(IdentityDocument.Type.ID_CARD, "11010519491231002X"),
        "北京市朝阳区",
        List.of(new AccountRef(AccountRef.Kind.CARD, "6222020200112233446")),
        "s",
        "d",
        occurredAt,
        null,
        null,
        List.of(),
        List.of(),
        new Demand(DemandType.COMPENSATION, Money.cny("5000.5"), null),
        List.of(),
        receivedAt,
        receivedBy);
  }

  @Test
  @DisplayName(
      "R-I6 an offline complaint names who received it and may have been received earlier; an online one is received as registered")
  void receiptRules() {
    Instant now = Instant.parse("2026-11-23T02:00:00Z");
    Instant letterArrived = Instant.parse("2026-11-20T02:00:00Z");
    Complaint letter = Complaint.receive(from(Channel.LETTER, letterArrived, "收发室 赵六"), now);
    assertEquals(letterArrived, letter.receivedAt());
    assertEquals(now, letter.registeredAt());
    assertEquals("收发室 赵六", letter.receivedBy());
    assertEquals(Money.cny("5000.50"), letter.demand().orElseThrow().amount(), "R-I4 to the fen");

    assertThrows(
        InvalidRequestException.class,
        () -> Complaint.receive(from(Channel.LETTER, letterArrived, null), now),
        "offline needs the receiving staff member");
    assertThrows(
        InvalidRequestException.class,
        () -> Complaint.receive(from(Channel.MOBILE_APP, letterArrived, null), now),
        "online channels do not back-date");
    assertThrows(
        InvalidRequestException.class,
        () -> Complaint.receive(from(Channel.PARTNER_AGENT, now.plusSeconds(60), null), now),
        "not in the future");
    assertEquals(now, Complaint.receive(from(Channel.PARTNER_AGENT, null, null), now).receivedAt());
  }

  @Test
  @DisplayName("R-I4 money is CNY to the fen, never negative, never rounded")
  void money() {
    assertEquals(new BigDecimal("12.30"), Money.cny("12.3").amount());
    assertEquals(Money.cny("0"), Money.cny("0.00"));
    assertThrows(IllegalArgumentException.class, () -> Money.cny("-0.01"));
    assertThrows(IllegalArgumentException.class, () -> Money.cny("1.005"));
  }

  @Test
  @DisplayName(
      "R-I3 an ID card number passes its check character, a card number the Luhn check; neither prints in full")
  void identityAndAccounts() {
    IdentityDocument id = new IdentityDocument(IdentityDocument.Type.ID_CARD, "11010519491231002X");
    assertFalse(id.toString().contains("1101"), "never printed in full");
    assertThrows(
        IllegalArgumentException.class,
        () -> new IdentityDocument(IdentityDocument.Type.ID_CARD, "110105194912310021"));
    assertThrows(
        IllegalArgumentException.class,
        () -> new IdentityDocument(IdentityDocument.Type.BUSINESS_LICENCE, "91110000ABCDEFGHIO"));
    new IdentityDocument(IdentityDocument.Type.BUSINESS_LICENCE, "91110000600037341L");
    new IdentityDocument(IdentityDocument.Type.PASSPORT, "E12345678");

    AccountRef card = new AccountRef(AccountRef.Kind.CARD, "6222020200112233446");
    assertFalse(card.toString().contains("3446"));
    assertThrows(
        IllegalArgumentException.class,
        () -> new AccountRef(AccountRef.Kind.CARD, "6222020200112233445"));
    new AccountRef(AccountRef.Kind.ACCOUNT, "6222020200112233445"); // accounts have no Luhn digit
    assertThrows(
        IllegalArgumentException.class, () -> new AccountRef(AccountRef.Kind.ACCOUNT, "123"));
  }
}
