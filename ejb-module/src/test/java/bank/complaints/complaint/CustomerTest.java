package bank.complaints.complaint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * R-X1: a customer's key is the keyed hash of what recognises them, so that a group's earlier
 * complaints can be asked for (RepeatComplaints.askAhead) before any complaint of theirs exists.
 */
class CustomerTest {

  private static final UnaryOperator<String> HASH = s -> "h(" + s + ")";

  @Test
  void aCustomerWithAnIdentityDocumentIsRecognisedByItsNumber() {
    IdentityDocument id = new IdentityDocument(IdentityDocument.Type.PASSPORT, "E12345678");
    Customer customer = new Customer("Li Lei", "13800138000", null, id, null);
    customer.keyLookups(HASH);
    assertEquals(HASH.apply(Customer.recognisedBy(id, "13800138000")), customer.key());
    assertEquals("h(E12345678)", customer.key());
  }

  @Test
  void aCustomerWithoutOneIsRecognisedByTheMobile() {
    Customer customer = new Customer("Li Lei", "13800138000", null, null, null);
    customer.keyLookups(HASH);
    assertEquals(HASH.apply(Customer.recognisedBy(null, "13800138000")), customer.key());
    assertEquals("h(13800138000)", customer.key());
  }
}
