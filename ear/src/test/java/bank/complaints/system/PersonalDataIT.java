package bank.complaints.system;

import static bank.complaints.system.ComplaintJson.aComplaint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * R-S2: identity, card and mobile numbers, the customer's name, e-mail and address and the
 * complaint's text are encrypted in the database (AES-GCM, with the key id in the value), numbers
 * found again only by a keyed hash, masked in responses and messages, and shown in full only by the
 * audited personal-data read.
 */
class PersonalDataIT extends SystemTest {

  // One customer of this class's own: its two submissions are the same person on purpose.
  private static final String MOBILE = Customers.mobile();
  private static final String ID_CARD = Customers.idCard();
  private static final String CARD = Customers.card();

  @Test
  void storedEncryptedWithTheKeyIdAndNeverInPlaintext() {
    String number = submit();
    String id = Database.text("select id from complaint where complaint_number = ?", number);
    String mobile =
        Database.text("select customer_mobile from complaint where id = ?", Long.parseLong(id));
    String idNumber =
        Database.text("select id_number from complaint where id = ?", Long.parseLong(id));
    String card =
        Database.text(
            "select account_number from complaint_account where complaint_id = ?",
            Long.parseLong(id));
    for (String stored : new String[] {mobile, idNumber, card}) {
      assertTrue(stored.startsWith("enc:v1:local-1:"), stored);
      assertFalse(stored.contains(MOBILE) || stored.contains(ID_CARD) || stored.contains(CARD));
    }
    // The same value sealed twice reads differently (a fresh nonce each time) …
    String second = submit();
    assertNotEquals(
        mobile,
        Database.text("select customer_mobile from complaint where complaint_number = ?", second));
    // … while its keyed hash is the same, and is not a plain hash anyone could compute.
    String hash = mobileHash(number);
    assertEquals(hash, mobileHash(second));
    assertNotEquals(sha256(MOBILE), hash);
  }

  private static String mobileHash(String number) {
    return Database.text(
        "select customer_mobile_hash from complaint where complaint_number = ?", number);
  }

  private static String sha256(String text) {
    try {
      return java.util.HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("SHA-256")
                  .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void theSameCustomerIsFoundByTheKeyedHash() {
    String first = submit();
    String second = submit();
    HttpResponse<String> found =
        Api.get("/api/v1/complaints?customerMobile=" + MOBILE + "&size=100");
    assertEquals(200, found.statusCode(), found.body());
    String numbers = Api.json(found).getJsonArray("items").toString();
    assertTrue(numbers.contains(first) && numbers.contains(second), numbers);
    Api.json(found)
        .getJsonArray("items")
        .forEach(
            item ->
                assertEquals(
                    MOBILE.substring(0, 3) + "****" + MOBILE.substring(7),
                    item.asJsonObject().getJsonObject("customer").getString("mobile")));
  }

  @Test
  void maskedInResponsesAndInFullOnlyThroughTheAuditedRead() {
    String number = submit();
    HttpResponse<String> read = Api.get("/api/v1/complaints/" + number);
    assertFalse(
        read.body().contains(MOBILE) || read.body().contains(ID_CARD) || read.body().contains(CARD),
        read.body());
    JsonObject full =
        Api.json(Api.get("/api/v1/complaints/" + number + "/personal-data?reason=verify%20card"));
    assertEquals(MOBILE, full.getString("customerMobile"));
    assertEquals(ID_CARD, full.getString("idNumber"));
    assertEquals(CARD, full.getJsonArray("accounts").getJsonObject(0).getString("number"));
  }

  @Test
  @DisplayName(
      "R-S2 the customer's name, e-mail and address and the complaint's description are sealed at rest")
  void nameEmailAddressAndTextSealedAtRest() {
    String name = "孙" + Customers.mobile().substring(7);
    String card = Customers.card();
    String mobile = Customers.mobile();
    String description = "我的卡 " + card + " 被扣款，请回电 " + mobile;
    HttpResponse<String> created =
        Api.postJson(
            "/api/v1/complaints",
            aComplaint()
                .withCustomer(name, mobile)
                .withEmail("sun" + mobile.substring(7) + "@example.com")
                .livingAt("上海市浦东新区世纪大道 " + mobile.substring(7) + " 号")
                .about("信用卡重复扣款")
                .describing(description)
                .json());
    assertEquals(201, created.statusCode(), created.body());
    String number = Api.json(created).getString("number");
    for (String column :
        new String[] {"customer_name", "customer_email", "customer_address", "description"}) {
      String stored =
          Database.text("select " + column + " from complaint where complaint_number = ?", number);
      assertTrue(stored.startsWith("enc:v1:local-1:"), column + ": " + stored);
      assertFalse(
          stored.contains(name) || stored.contains(card) || stored.contains(mobile.substring(7)),
          column + ": " + stored);
    }
    // The handler reads the case as it was told; numbers in the text as typed.
    JsonObject read = Api.json(Api.get("/api/v1/complaints/" + number));
    assertEquals(name, read.getJsonObject("customer").getString("name"));
    assertEquals(
        "我的卡 "
            + "*".repeat(card.length() - 4)
            + card.substring(card.length() - 4)
            + " 被扣款，请回电 *******"
            + mobile.substring(7),
        read.getString("description"),
        "numbers typed into the description are masked in responses");
    assertEquals(
        description,
        Api.json(Api.get("/api/v1/complaints/" + number + "/personal-data?reason=verify%20card"))
            .getString("description"),
        "and given in full by the audited read");
    assertEquals(
        "上海市浦东新区世纪大道 " + mobile.substring(7) + " 号",
        read.getJsonObject("customer").getString("address"));
  }

  @Test
  @DisplayName(
      "R-S2 a number typed into the subject leaves on a department's queue masked but its last four digits")
  void numbersInFreeTextAreMaskedOnTheQueues() throws Exception {
    // An account number written in groups (the subject stays readable at rest: no card, no mobile).
    HttpResponse<String> created =
        Api.postJson(
            "/api/v1/complaints",
            aComplaint().about("对公账户 3100 1234 5678 90 被扣年费 于 2026-11-20").json());
    assertEquals(201, created.statusCode(), created.body());
    String number = Api.json(created).getString("number");
    JsonObject task = Broker.receive("complaints.tasks.CSC", number, "ASSIGNMENT", 30_000);
    assertNotNull(task, "the assignment reached the department");
    assertEquals("对公账户 **** **** **78 90 被扣年费 于 2026-11-20", task.getString("subject"));
    assertTrue(
        PersonalDataLeakCheck.unmaskedInFreeText("task", task.toString()).isEmpty(),
        task.toString());
  }

  @Test
  @DisplayName(
      "R-S2 an evidence file is encrypted at rest, served back as uploaded, and an altered one refused")
  void evidenceFilesEncryptedAtRest() throws Exception {
    String number = submit();
    String card = Customers.card();
    byte[] header = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    byte[] screenshot =
        java.nio.ByteBuffer.allocate(200)
            .put(header)
            .put(("扣款通知 卡号 " + card + " 金额 35.50").getBytes(StandardCharsets.UTF_8))
            .array();
    Multipart form =
        Multipart.form()
            .field("kind", "TRANSACTION_SCREENSHOT")
            .field("description", "扣款短信截图")
            .field("registeredBy", "手机银行 channel")
            .file("file", "sms.png", "image/png", screenshot);
    HttpResponse<String> uploaded =
        Api.postBytes(
            "/api/v1/complaints/" + number + "/evidence/files", form.contentType(), form.bytes());
    assertEquals(201, uploaded.statusCode(), uploaded.body());
    JsonObject item = Api.json(uploaded);
    String itemOne =
        "evidence_id = (select e.id from evidence_item e join"
            + " complaint c on c.id = e.complaint_id where c.complaint_number = ? and"
            + " e.item_number = 1)";
    byte[] stored = Database.bytes("select content from evidence_content where " + itemOne, number);
    String raw = new String(stored, StandardCharsets.ISO_8859_1);
    assertFalse(raw.contains(card) || raw.contains("PNG"), "stored as sealed bytes");
    assertTrue(raw.startsWith("\0ENC1"), "the sealed-file header names the format");
    // The register's digest is the file's own, and the file comes back byte for byte.
    assertEquals(
        java.util.HexFormat.of()
            .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(screenshot)),
        item.getString("sha256"));
    HttpResponse<byte[]> served = Api.getBytes(item.getString("content"));
    assertEquals(200, served.statusCode());
    org.junit.jupiter.api.Assertions.assertArrayEquals(screenshot, served.body());

    // One byte of the ciphertext changed in the database: the check names it, the file is refused.
    stored[stored.length - 1] ^= 1;
    Database.update("update evidence_content set content = ? where " + itemOne, stored, number);
    JsonObject verification =
        Api.json(Api.get("/api/v1/complaints/" + number + "/evidence/verification"));
    assertFalse(verification.getBoolean("intact"), verification.toString());
    HttpResponse<byte[]> refused = Api.getBytes(item.getString("content"));
    assertEquals(409, refused.statusCode());
    assertEquals(
        "application/problem+json", refused.headers().firstValue("Content-Type").orElseThrow());
  }

  private static String submit() {
    HttpResponse<String> created =
        Api.postJson(
            "/api/v1/complaints",
            aComplaint()
                .withCustomer("赵敏", MOBILE)
                .withIdentity("ID_CARD", ID_CARD)
                .aboutCard(CARD)
                .json());
    assertEquals(201, created.statusCode(), created.body());
    return Api.json(created).getString("number");
  }
}
