package bank.complaints.department;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bank.complaints.notification.CustomerNoticeV1;
import bank.complaints.sla.Recipient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The departments seeded by the migrations and the work queues the broker declares are kept in two
 * files (one for the database, one for operations' broker): they must name the same queues, or a
 * department's tasks would have nowhere to go.
 */
class DepartmentQueuesTest {

  private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration/common");
  private static final Path BROKER_XML = Path.of("../jms-config/src/main/broker/broker.xml");

  @Test
  @DisplayName(
      "R-F1 every department's task queue is declared on the broker, and every declared task queue has a department")
  void departmentsAndBrokerQueuesAgree() throws IOException {
    Set<String> seeded = matches(readAll(MIGRATIONS), "'(complaints\\.tasks\\.[A-Z0-9_]+)'");
    Set<String> declared =
        matches(Files.readString(BROKER_XML), "<queue name=\"(complaints\\.tasks\\.[A-Z0-9_]+)\"");
    assertFalse(seeded.isEmpty(), "departments are seeded");
    assertEquals(seeded, declared);
  }

  @Test
  @DisplayName(
      "R-P1 every rung of the escalation ladder, and the customer notices, have their queue on the broker")
  void alertAndNoticeQueuesAreDeclared() throws IOException {
    Set<String> declared =
        matches(Files.readString(BROKER_XML), "<queue name=\"(complaints\\.[a-z.-]+)\"");
    for (Recipient recipient : Recipient.values()) {
      assertTrue(declared.contains(recipient.queue()), recipient.queue());
    }
    assertTrue(declared.contains(CustomerNoticeV1.QUEUE), CustomerNoticeV1.QUEUE);
  }

  private static String readAll(Path folder) throws IOException {
    StringBuilder all = new StringBuilder();
    try (var files = Files.list(folder)) {
      for (Path file : files.sorted().toList()) {
        all.append(Files.readString(file)).append('\n');
      }
    }
    return all.toString();
  }

  private static Set<String> matches(String text, String regex) {
    Set<String> found = new TreeSet<>();
    Matcher matcher = Pattern.compile(regex).matcher(text);
    while (matcher.find()) {
      found.add(matcher.group(1));
    }
    return found;
  }
}
