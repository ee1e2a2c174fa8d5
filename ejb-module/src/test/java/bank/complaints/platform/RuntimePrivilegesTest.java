package bank.complaints.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RuntimePrivilegesTest {

  @Test
  @DisplayName(
      "R-S3 the runtime user only inserts into and reads the audit tables, only reads the"
          + " migrations' history, and reads and writes the rest")
  void whatTheRuntimeUserMayDo() {
    List<String> grants =
        RuntimePrivileges.grants(
            "complaints_app",
            List.of("audit_entry", "audit_link", "complaint", "flyway_schema_history"),
            true);
    assertTrue(grants.contains("grant select, insert on audit_entry to complaints_app"));
    assertTrue(grants.contains("grant select, insert on audit_link to complaints_app"));
    assertTrue(grants.contains("grant select on flyway_schema_history to complaints_app"));
    assertTrue(
        grants.contains("grant select, insert, update, delete on complaint to complaints_app"));
    assertEquals(
        "revoke all on audit_entry from complaints_app", grants.get(0), "nothing kept from before");
    assertTrue(grants.get(grants.size() - 1).contains("sequences"));
  }
}
