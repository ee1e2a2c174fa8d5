package bank.complaints.system;

import static bank.complaints.system.ComplaintJson.aComplaint;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** R-I5: evidence items, numbered per case, files with their SHA-256, and the chain checked. */
class EvidenceIT extends SystemTest {

  private static final String COMPLAINTS = "/api/v1/complaints";

  /** The first bytes of a PNG, then some payload: enough for the content check. */
  private static byte[] png(String payload) {
    byte[] header = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    byte[] rest = payload.getBytes(StandardCharsets.UTF_8);
    byte[] png = new byte[header.length + rest.length];
    System.arraycopy(header, 0, png, 0, header.length);
    System.arraycopy(rest, 0, png, header.length, rest.length);
    return png;
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private static String submit(ComplaintJson complaint) {
    HttpResponse<String> created = Api.postJson(COMPLAINTS, complaint.json());
    assertEquals(201, created.statusCode(), created.body());
    return Api.json(created).getString("number");
  }

  private static HttpResponse<String> upload(String number, Multipart form) {
    return Api.postBytes(
        COMPLAINTS + "/" + number + "/evidence/files", form.contentType(), form.bytes());
  }

  private static Multipart screenshot(String fileName, String contentType, byte[] content) {
    return Multipart.form()
        .field("kind", "TRANSACTION_SCREENSHOT")
        .field("description", "扣费短信截图")
        .field("registeredBy", "手机银行 channel")
        .file("file", fileName, contentType, content);
  }

  @Test
  @DisplayName(
      "R-I5 an uploaded file is numbered per case, its SHA-256 recorded, and served back byte for byte")
  void uploadNumberedAndHashed() throws Exception {
    String number = submit(aComplaint());
    byte[] first = png("first screenshot");
    HttpResponse<String> created = upload(number, screenshot("fee-sms.png", "image/png", first));
    assertEquals(201, created.statusCode(), created.body());
    JsonObject item = Api.json(created);
    assertEquals(1, item.getInt("number"));
    assertEquals("CUSTOMER", item.getString("source"));
    assertEquals(sha256(first), item.getString("sha256"));
    assertEquals(first.length, item.getInt("sizeBytes"));

    HttpResponse<byte[]> served = Api.getBytes(item.getString("content"));
    assertEquals(200, served.statusCode());
    assertArrayEquals(first, served.body());
    assertEquals("image/png", served.headers().firstValue("Content-Type").orElseThrow());

    HttpResponse<String> second =
        upload(
            number,
            Multipart.form()
                .field("source", "BANK")
                .field("kind", "BUSINESS_LOG")
                .field("description", "核心系统扣费流水")
                .field("registeredBy", "运营管理部 赵六")
                .file("file", "fee-log.pdf", "application/pdf", "%PDF-1.7 log".getBytes()));
    assertEquals(201, second.statusCode(), second.body());
    assertEquals(2, Api.json(second).getInt("number"));

    HttpResponse<String> cctv =
        Api.postJson(
            COMPLAINTS + "/" + number + "/evidence",
            "{\"source\":\"BANK\",\"kind\":\"CCTV\",\"description\":\"营业厅监控\","
                + "\"link\":\"https://evidence.bank.example/cctv/1\",\"registeredBy\":\"保卫部\"}");
    assertEquals(201, cctv.statusCode(), cctv.body());
    assertEquals(3, Api.json(cctv).getInt("number"));
    assertFalse(Api.json(cctv).containsKey("sha256"), "a link has no file to hash");

    JsonArray items = Api.jsonArray(Api.get(COMPLAINTS + "/" + number + "/evidence"));
    assertEquals(3, items.size());
    for (int i = 0; i < 3; i++) {
      assertEquals(i + 1, items.getJsonObject(i).getInt("number"));
    }
    assertEquals(
        sha256(first),
        Database.text(
            "select e.sha256 from evidence_item e join complaint c on c.id = e.complaint_id"
                + " where c.complaint_number = ? and e.item_number = 1",
            number));
  }

  @Test
  @DisplayName("R-I5 items offered with the complaint are registered with it, numbered from 1")
  void offeredAtIntake() {
    String number =
        submit(
            aComplaint()
                .about("ATM 吞卡")
                .offering("VIDEO_LINK", "吞卡过程视频", "https://pan.example.com/s/abc")
                .offering("PHOTO", "ATM 屏幕照片，稍后上传", null));
    JsonArray items = Api.jsonArray(Api.get(COMPLAINTS + "/" + number + "/evidence"));
    assertEquals(2, items.size(), items.toString());
    assertEquals("https://pan.example.com/s/abc", items.getJsonObject(0).getString("link"));
    assertEquals(2, items.getJsonObject(1).getInt("number"));
    HttpResponse<String> next = upload(number, screenshot("atm.png", "image/png", png("atm")));
    assertEquals(3, Api.json(next).getInt("number"), "the upload continues the numbering");
  }

  @Test
  @DisplayName(
      "R-I5 size, content-type and content limits: 413, 415, 422 problems, and nothing registered")
  void limits() {
    String number = submit(aComplaint());
    String evidenceCount = "select count(*) from evidence_item";
    long before = Database.count(evidenceCount);

    byte[] tooLarge = new byte[10 * 1024 * 1024 + 1];
    tooLarge[0] = (byte) 0x89;
    HttpResponse<String> large = upload(number, screenshot("big.png", "image/png", tooLarge));
    assertEquals(413, large.statusCode(), large.body());
    assertProblem(large);

    HttpResponse<String> exe =
        upload(number, screenshot("setup.exe", "application/x-msdownload", png("MZ")));
    assertEquals(415, exe.statusCode(), exe.body());
    assertProblem(exe);

    HttpResponse<String> notPng =
        upload(number, screenshot("fake.png", "image/png", "not an image".getBytes()));
    assertEquals(422, notPng.statusCode(), notPng.body());
    assertProblem(notPng);

    HttpResponse<String> empty = upload(number, screenshot("empty.png", "image/png", new byte[0]));
    assertEquals(422, empty.statusCode(), empty.body());

    HttpResponse<String> noFile =
        upload(
            number,
            Multipart.form()
                .field("kind", "PHOTO")
                .field("description", "x")
                .field("registeredBy", "y"));
    assertEquals(422, noFile.statusCode(), noFile.body());

    HttpResponse<String> badKind =
        upload(
            number,
            Multipart.form()
                .field("kind", "SELFIE")
                .field("description", "x")
                .field("registeredBy", "y")
                .file("file", "a.png", "image/png", png("a")));
    assertEquals(422, badKind.statusCode(), badKind.body());

    HttpResponse<String> ftp =
        Api.postJson(
            COMPLAINTS + "/" + number + "/evidence",
            "{\"kind\":\"VIDEO_LINK\",\"description\":\"v\",\"link\":\"ftp://x/y\","
                + "\"registeredBy\":\"z\"}");
    assertEquals(422, ftp.statusCode(), ftp.body());

    HttpResponse<String> unknownCase =
        upload("C20261123-9999999", screenshot("a.png", "image/png", png("a")));
    assertEquals(404, unknownCase.statusCode(), unknownCase.body());

    assertEquals(before, Database.count(evidenceCount), "a refused upload registers nothing");
    assertEquals(
        0,
        Database.count(
            "select count(*) from evidence_item e join complaint c on c.id = e.complaint_id"
                + " where c.complaint_number = ?",
            number));
  }

  @Test
  @DisplayName("R-I5 the chain of evidence is checked: a stored file altered afterwards is named")
  void verification() {
    String number = submit(aComplaint());
    for (int i = 0; i < 3; i++) {
      assertEquals(
          201,
          upload(number, screenshot("s" + i + ".png", "image/png", png("s" + i))).statusCode());
    }
    JsonObject intact = Api.json(Api.get(COMPLAINTS + "/" + number + "/evidence/verification"));
    assertTrue(intact.getBoolean("intact"), intact.toString());
    assertEquals(3, intact.getInt("filesChecked"));

    Database.update(
        "update evidence_content set content = ? where evidence_id = (select e.id from"
            + " evidence_item e join complaint c on c.id = e.complaint_id"
            + " where c.complaint_number = ? and e.item_number = 2)",
        png("tampered"),
        number);
    JsonObject broken = Api.json(Api.get(COMPLAINTS + "/" + number + "/evidence/verification"));
    assertFalse(broken.getBoolean("intact"));
    assertEquals(1, broken.getJsonArray("broken").size(), broken.toString());
    assertEquals(2, broken.getJsonArray("broken").getInt(0), "item 2 was altered");
  }

  @Test
  @DisplayName("R-I5 eight uploads at once to one case get eight distinct numbers, 1 to 8")
  void concurrentNumbering() throws Exception {
    String number = submit(aComplaint());
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<HttpResponse<String>>> uploads = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        byte[] content = png("parallel " + i);
        uploads.add(pool.submit(() -> upload(number, screenshot("p.png", "image/png", content))));
      }
      Set<Integer> numbers = new TreeSet<>();
      for (Future<HttpResponse<String>> f : uploads) {
        HttpResponse<String> response = f.get();
        assertEquals(201, response.statusCode(), response.body());
        numbers.add(Api.json(response).getInt("number"));
      }
      assertEquals(Set.of(1, 2, 3, 4, 5, 6, 7, 8), numbers);
    } finally {
      pool.shutdownNow();
    }
  }

  private static void assertProblem(HttpResponse<String> response) {
    assertEquals(
        "application/problem+json",
        response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
  }
}
