package bank.complaints.evidence;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/** R-I5: the bytes of an uploaded evidence file, as received, with the name the sender gave. */
public record UploadedFile(String fileName, String contentType, byte[] content) {

  public UploadedFile {
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(content, "content");
  }

  public String sha256() {
    return sha256(content);
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** Records compare arrays by identity; two uploads are the same when their bytes are. */
  @Override
  public boolean equals(Object o) {
    return o instanceof UploadedFile other
        && fileName.equals(other.fileName)
        && contentType.equals(other.contentType)
        && Arrays.equals(content, other.content);
  }

  @Override
  public int hashCode() {
    return Objects.hash(fileName, contentType, Arrays.hashCode(content));
  }

  @Override
  public String toString() {
    return fileName + " (" + contentType + ", " + content.length + " bytes)";
  }
}
