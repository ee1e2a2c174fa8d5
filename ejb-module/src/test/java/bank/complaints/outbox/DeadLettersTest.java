package bank.complaints.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.jms.JMSException;
import org.junit.jupiter.api.Test;

/** The dead letters' count as Artemis' management answers it (a JSON array of one number). */
class DeadLettersTest {

  @Test
  void theCountIsTheNumberInTheBrokersAnswer() throws JMSException {
    assertEquals(0, DeadLetters.managementNumber("[0]"));
    assertEquals(200_000, DeadLetters.managementNumber(" [200000] "));
    assertEquals(12, DeadLetters.managementNumber("12"));
  }

  @Test
  void anAnswerThatIsNoCountIsAFailureNotAZero() {
    assertThrows(JMSException.class, () -> DeadLetters.managementNumber("[\"no such queue\"]"));
    assertThrows(JMSException.class, () -> DeadLetters.managementNumber("[]"));
  }
}
