package bank.complaints.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bank.complaints.department.DepartmentCode;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ResultSenderTest {

  private static final Set<String> PLATFORM = Set.of("complaints");
  private static final DepartmentCode CSC = new DepartmentCode("CSC");

  @Test
  @DisplayName("R-S1 a department's system reports its own department's tasks only")
  void departmentScope() {
    assertEquals(
        Optional.empty(), ResultSender.of("dept-CSC", null, "dept-", PLATFORM).refusal(CSC));
    assertTrue(ResultSender.of("dept-EBANK", null, "dept-", PLATFORM).refusal(CSC).isPresent());
    assertTrue(ResultSender.of("someone", null, "dept-", PLATFORM).refusal(CSC).isPresent());
  }

  @Test
  @DisplayName(
      "R-S1 a dead letter replayed by the platform is judged as its original sender: a refusal stays a refusal")
  void replayDoesNotLaunderARefusal() {
    assertTrue(
        ResultSender.of("complaints", "dept-EBANK", "dept-", PLATFORM).refusal(CSC).isPresent());
    assertEquals(
        Optional.empty(),
        ResultSender.of("complaints", "dept-CSC", "dept-", PLATFORM).refusal(CSC));
    assertEquals(
        Optional.empty(), ResultSender.of("complaints", null, "dept-", PLATFORM).refusal(CSC));
  }

  @Test
  @DisplayName("R-S1 only the platform's own users may speak for an original sender")
  void departmentsCannotClaimAnotherSender() {
    assertTrue(
        ResultSender.of("dept-EBANK", "complaints", "dept-", PLATFORM).refusal(CSC).isPresent());
    assertTrue(
        ResultSender.of("dept-EBANK", "dept-CSC", "dept-", PLATFORM).refusal(CSC).isPresent());
  }
}
