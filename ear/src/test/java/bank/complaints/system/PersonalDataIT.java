package bank.complaints.system;

import static bank.complaints.system.ComplaintJson.aComplaint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * R-S2: identity, card and mobile numbers are encrypted in the database (AES-GCM, with the key id
 * in the value), found again only by a keyed hash, masked in responses, and shown in full only by
 * the audited personal-data read.
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
