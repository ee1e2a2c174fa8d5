package bank.complaints.system;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.BytesMessage;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueRequestor;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.api.jms.ActiveMQJMSClient;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;

/**
 * R-S2, after the whole integration suite (a failsafe execution of its own, once Arquillian has
 * stopped the server): the server log, every text column of the database and every message left on
 * the broker's queues hold no mainland ID card number, bank card number or mobile number in
 * plaintext. The patterns are generic (a valid ID card check digit, a Luhn-valid UnionPay card, an
 * 11-digit mainland mobile), so what the suite submitted under any test is caught.
 */
class PersonalDataLeakCheck {

  private static final Pattern MOBILE =
      Pattern.compile("(?<![0-9A-Za-z])1[3-9][0-9]{9}(?![0-9A-Za-z])");
  private static final Pattern ID_CARD =
      Pattern.compile("(?<![0-9A-Za-z])[0-9]{17}[0-9X](?![0-9A-Za-z])");
  private static final Pattern CARD =
      Pattern.compile("(?<![0-9A-Za-z])62[0-9]{14,17}(?![0-9A-Za-z])");

  /**
   * A number written in groups, as people write cards and phones: "6222 0202 …", "138-1234-…"; not
   * the digits of a longer hyphenated token such as a UUID, whose first groups can be digits only
   * ("62148193-3333-4755-bfe4-…", a task id, once read as a card number).
   */
  private static final Pattern GROUPED =
      Pattern.compile("(?<![0-9A-Za-z-])[0-9]{3,}(?:[ -][0-9]{3,})+(?![0-9A-Za-z]|-[0-9A-Za-z])");

  /** In free text leaving on a queue, any number of seven digits or more, grouped or not. */
  private static final Pattern LONG_NUMBER =
      Pattern.compile("(?<![0-9A-Za-z])C[0-9]{8}-[0-9]{7,}|(?<![0-9])[0-9]{3,}(?:[ -][0-9]{3,})*");

  /** The message fields that carry text people typed (docs/asyncapi.yaml). */
  private static final List<String> FREE_TEXT =
      List.of("subject", "ask", "text", "products", "description", "outcome");

  private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

  @Test
  void thePatternsFindFullValuesAndPassMaskedOnes() {
    String full = "mobile 13812345678, id 11010519491231002X, card 6222020200112233446";
    assertTrue(leaks("sample", full).size() == 3, leaks("sample", full).toString());
    String masked = "mobile 138****5678, id **************002X, card ***************3446";
    assertTrue(leaks("sample", masked).isEmpty());
    // Numbers that only look alike: a 13-digit time, a wrong check digit, a failing Luhn sum.
    assertTrue(leaks("sample", "1795446978951 110105194912310021 6222020200112233445").isEmpty());
    // Written in groups, they are found too; masked groups and dates pass.
    String grouped = "卡号 6222 0202 0011 2233 446，电话 138-1234-5678，日期 2026-12-01 10:30";
    assertTrue(leaks("sample", grouped).size() == 2, leaks("sample", grouped).toString());
    assertTrue(leaks("sample", "卡号 **** **** **** ***3 446，电话 ***-****-5678").isEmpty());
    // A UUID whose first groups are digits (a Luhn-valid 62… when joined) is no card number.
    String taskId = "{\"taskId\":\"62148193-3333-4755-bfe4-a69afd8ec138\"}";
    assertTrue(leaks("sample", taskId).isEmpty(), leaks("sample", taskId).toString());
    // In free text on a queue, any unmasked number of seven digits or more is a leak, even one
    // that is no valid card (a part of one, an account number); complaint numbers are not.
    String task =
        "{\"subject\":\"账户 62220202001 与 1234 5678 9012\",\"complaintNumber\":\"C20261201-0000001\"}";
    assertTrue(
        unmaskedInFreeText("task", task).size() == 2, unmaskedInFreeText("task", task).toString());
    String maskedTask = "{\"subject\":\"账户 *******2001，案件 C20261201-0000001，2026-12-01\"}";
    assertTrue(
        unmaskedInFreeText("task", maskedTask).isEmpty(),
        unmaskedInFreeText("task", maskedTask).toString());
  }

  @Test
  void theServerLogHoldsNoPersonalData() throws IOException {
    Path logs = Runtime.dir().resolve("dist/payara6/glassfish/domains/domain1/logs");
    List<String> found = new ArrayList<>();
    int files = 0;
    try (Stream<Path> all = Files.list(logs)) {
      for (Path file :
          all.filter(p -> p.getFileName().toString().startsWith("server.log")).toList()) {
        files++;
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        found.addAll(leaks(file.getFileName().toString(), text));
      }
    }
    assertTrue(files > 0, "no server.log under " + logs);
    assertTrue(found.isEmpty(), String.join("\n", found));
  }

  @Test
  void noTextColumnOfTheDatabaseHoldsPersonalData() throws SQLException {
    List<String> found = new ArrayList<>();
    long rows = 0;
    long files = 0;
    try (Connection db = Database.connect()) {
      DatabaseMetaData meta = db.getMetaData();
      List<String[]> columns = new ArrayList<>();
      List<String[]> binary = new ArrayList<>();
      try (ResultSet rs = meta.getColumns(null, "public", "%", "%")) {
        while (rs.next()) {
          String type = rs.getString("TYPE_NAME").toLowerCase();
          if (type.contains("char") || type.contains("text") || type.contains("json")) {
            columns.add(new String[] {rs.getString("TABLE_NAME"), rs.getString("COLUMN_NAME")});
          } else if (type.contains("bytea") || type.contains("binary") || type.contains("blob")) {
            binary.add(new String[] {rs.getString("TABLE_NAME"), rs.getString("COLUMN_NAME")});
          }
        }
      }
      assertTrue(columns.size() > 20, "the schema's text columns: " + columns.size());
      assertTrue(!binary.isEmpty(), "the schema's binary columns (evidence files)");
      for (String[] column : binary) {
        try (Statement statement = db.createStatement();
            ResultSet rs =
                statement.executeQuery(
                    "select "
                        + column[1]
                        + " from "
                        + column[0]
                        + " where "
                        + column[1]
                        + " is not null")) {
          while (rs.next()) {
            files++;
            byte[] content = rs.getBytes(1);
            // As text in both encodings a file may hold it: a screenshot's text layer, a PDF, a
            // CSV.
            found.addAll(
                leaks(column[0] + "." + column[1], new String(content, StandardCharsets.UTF_8)));
            found.addAll(
                leaks(
                    column[0] + "." + column[1], new String(content, StandardCharsets.ISO_8859_1)));
          }
        }
      }
      for (String[] column : columns) {
        try (Statement statement = db.createStatement();
            ResultSet rs =
                statement.executeQuery(
                    "select "
                        + column[1]
                        + " from "
                        + column[0]
                        + " where "
                        + column[1]
                        + " is not null")) {
          while (rs.next()) {
            rows++;
            found.addAll(leaks(column[0] + "." + column[1], rs.getString(1)));
          }
        }
      }
    }
    assertTrue(rows > 1000, "the suite left " + rows + " text values to check");
    assertTrue(files > 0, "the suite left " + files + " evidence files to check");
    assertTrue(found.isEmpty(), String.join("\n", found));
  }

  @Test
  void noMessageLeftOnTheQueuesHoldsPersonalData() throws Exception {
    List<String> found = new ArrayList<>();
    int messages = 0;
    try (ActiveMQConnectionFactory factory =
            new ActiveMQConnectionFactory("tcp://127.0.0.1:61616", "complaints", "complaints");
        QueueConnection connection = factory.createQueueConnection()) {
      QueueSession session = connection.createQueueSession(false, Session.AUTO_ACKNOWLEDGE);
      connection.start();
      QueueRequestor management =
          new QueueRequestor(session, ActiveMQJMSClient.createQueue("activemq.management"));
      Message request = session.createMessage();
      JMSManagementHelper.putOperationInvocation(request, ResourceNames.BROKER, "getQueueNames");
      Object[] names = (Object[]) JMSManagementHelper.getResult(management.request(request));
      for (Object name : names) {
        if (name.toString().startsWith("$") || name.toString().startsWith("activemq.")) {
          continue;
        }
        QueueBrowser browser = session.createBrowser(session.createQueue(name.toString()));
        Enumeration<?> queued = browser.getEnumeration();
        while (queued.hasMoreElements()) {
          Message message = (Message) queued.nextElement();
          messages++;
          String where = name + " " + message.getJMSMessageID();
          found.addAll(leaks(where, body(message)));
          // A result a department sent is kept on the dead-letter queue as it came, for replay:
          // what leaves the platform is checked, not what it was sent.
          if (!"complaints.results".equals(message.getStringProperty("_AMQ_ORIG_ADDRESS"))
              && !name.toString().equals("complaints.results")) {
            found.addAll(unmaskedInFreeText(where, body(message)));
          }
        }
        browser.close();
      }
    }
    assertTrue(messages > 0, "the suite left " + messages + " messages to check");
    assertTrue(found.isEmpty(), String.join("\n", found));
  }

  private static String body(Message message) throws Exception {
    if (message instanceof TextMessage text) {
      return text.getText();
    }
    if (message instanceof BytesMessage bytes) {
      byte[] content = new byte[(int) bytes.getBodyLength()];
      bytes.readBytes(content);
      return new String(content, StandardCharsets.UTF_8);
    }
    return String.valueOf(message);
  }

  static List<String> leaks(String where, String text) {
    List<String> found = new ArrayList<>();
    if (text == null) {
      return found;
    }
    Matcher mobile = MOBILE.matcher(text);
    while (mobile.find()) {
      found.add(where + ": a mobile number " + mobile.group() + context(text, mobile.start()));
    }
    Matcher id = ID_CARD.matcher(text);
    while (id.find()) {
      if (idCheckHolds(id.group())) {
        found.add(where + ": an ID card number " + id.group() + context(text, id.start()));
      }
    }
    Matcher card = CARD.matcher(text);
    while (card.find()) {
      if (luhn(card.group())) {
        found.add(where + ": a card number " + card.group() + context(text, card.start()));
      }
    }
    Matcher grouped = GROUPED.matcher(text);
    while (grouped.find()) {
      String joined = grouped.group().replaceAll("[ -]", "");
      if (!joined.equals(grouped.group())) {
        for (String leak : leaks(where, joined)) {
          found.add(
              leak.replace(context(joined, 0), "")
                  + " written as "
                  + grouped.group()
                  + context(text, grouped.start()));
        }
      }
    }
    return found;
  }

  /**
   * Unmasked numbers of seven digits or more in the free-text fields of a JSON message; any field
   * holding one is found wherever it is nested. Complaint numbers are not personal.
   */
  static List<String> unmaskedInFreeText(String where, String body) {
    List<String> found = new ArrayList<>();
    if (body == null || !body.startsWith("{")) {
      return found;
    }
    jakarta.json.JsonValue json;
    try {
      json = jakarta.json.Json.createReader(new java.io.StringReader(body)).readValue();
    } catch (jakarta.json.JsonException notJson) {
      return found; // a malformed result a test sent, dead-lettered as it came: searched as text
    }
    collect(where, json, null, found);
    return found;
  }

  private static void collect(
      String where, jakarta.json.JsonValue value, String key, List<String> found) {
    switch (value.getValueType()) {
      case OBJECT ->
          value.asJsonObject().forEach((name, nested) -> collect(where, nested, name, found));
      case ARRAY -> value.asJsonArray().forEach(nested -> collect(where, nested, key, found));
      case STRING -> {
        if (FREE_TEXT.contains(key)) {
          String text = ((jakarta.json.JsonString) value).getString();
          Matcher number = LONG_NUMBER.matcher(text);
          while (number.find()) {
            if (!number.group().startsWith("C")
                && number.group().chars().filter(Character::isDigit).count() >= 7) {
              found.add(
                  where
                      + ": "
                      + key
                      + " holds the number "
                      + number.group()
                      + context(text, number.start()));
            }
          }
        }
      }
      default -> {}
    }
  }

  private static String context(String text, int at) {
    return " in «"
        + text.substring(Math.max(0, at - 60), Math.min(text.length(), at + 60)).replace('\n', ' ')
        + "»";
  }

  private static boolean idCheckHolds(String number) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (number.charAt(i) - '0') * ID_WEIGHTS[i];
    }
    return "10X98765432".charAt(sum % 11) == number.charAt(17);
  }

  private static boolean luhn(String number) {
    int sum = 0;
    for (int i = 0; i < number.length(); i++) {
      int digit = number.charAt(number.length() - 1 - i) - '0';
      if (i % 2 == 1) {
        digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
      }
      sum += digit;
    }
    return sum % 10 == 0;
  }
}
