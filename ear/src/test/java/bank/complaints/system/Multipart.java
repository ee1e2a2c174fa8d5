package bank.complaints.system;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A multipart/form-data body, built the way a channel system's HTTP client sends one. */
final class Multipart {

  private final String boundary = "----complaints" + UUID.randomUUID().toString().replace("-", "");
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();

  static Multipart form() {
    return new Multipart();
  }

  Multipart field(String name, String value) {
    write(
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\""
            + name
            + "\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n");
    body.writeBytes(value.getBytes(StandardCharsets.UTF_8));
    write("\r\n");
    return this;
  }

  Multipart file(String name, String fileName, String contentType, byte[] content) {
    write(
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\""
            + name
            + "\"; filename=\""
            + fileName
            + "\"\r\nContent-Type: "
            + contentType
            + "\r\n\r\n");
    body.writeBytes(content);
    write("\r\n");
    return this;
  }

  String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  byte[] bytes() {
    ByteArrayOutputStream done = new ByteArrayOutputStream();
    done.writeBytes(body.toByteArray());
    done.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return done.toByteArray();
  }

  private void write(String text) {
    body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }
}
