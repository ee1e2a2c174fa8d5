package bank.complaints.evidence;

import bank.complaints.common.InvalidRequestException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * R-I5: what an uploaded evidence file may be: its size limit and the content types accepted
 * (configuration), and a check that the bytes look like what the sender says they are, so that a
 * renamed executable is not filed as a screenshot.
 */
@ApplicationScoped
public class EvidencePolicy {

  @Inject
  @ConfigProperty(name = "complaints.evidence.max-bytes")
  long maxBytes;

  @Inject
  @ConfigProperty(name = "complaints.evidence.content-types")
  List<String> contentTypes;

  public long maxBytes() {
    return maxBytes;
  }

  public List<String> contentTypes() {
    return contentTypes;
  }

  public boolean accepts(String contentType) {
    return contentType != null && contentTypes.contains(contentType.toLowerCase(Locale.ROOT));
  }

  /**
   * Refuses a file that is empty, too large, or whose first bytes contradict its content type.
   * Called after the size limit was enforced while reading (a larger upload is never held whole).
   */
  public void check(UploadedFile file) {
    if (!accepts(file.contentType())) {
      throw new InvalidRequestException(
          "Evidence of type " + file.contentType() + " is not accepted; accepted: " + contentTypes);
    }
    byte[] bytes = file.content();
    if (bytes.length == 0) {
      throw new InvalidRequestException("The evidence file is empty.");
    }
    if (bytes.length > maxBytes) {
      throw new InvalidRequestException(
          "The evidence file has " + bytes.length + " bytes; the limit is " + maxBytes + ".");
    }
    if (!looksLike(file.contentType().toLowerCase(Locale.ROOT), bytes)) {
      throw new InvalidRequestException(
          "The content of " + file.fileName() + " is not " + file.contentType() + ".");
    }
  }

  /** Magic numbers of the common types; other accepted types are taken as declared. */
  static boolean looksLike(String contentType, byte[] b) {
    return switch (contentType) {
      case "image/png" -> startsWith(b, 0, new byte[] {(byte) 0x89, 'P', 'N', 'G'});
      case "image/jpeg" -> startsWith(b, 0, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});
      case "application/pdf" -> startsWith(b, 0, ascii("%PDF-"));
      case "video/mp4" -> startsWith(b, 4, ascii("ftyp"));
      case "audio/wav", "audio/x-wav" ->
          startsWith(b, 0, ascii("RIFF")) && startsWith(b, 8, ascii("WAVE"));
      case "audio/mpeg" ->
          startsWith(b, 0, ascii("ID3"))
              || (b.length > 1 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xE0) == 0xE0);
      case "text/plain" -> !contains(b, (byte) 0);
      default -> true;
    };
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static boolean startsWith(byte[] b, int offset, byte[] prefix) {
    return b.length >= offset + prefix.length
        && Arrays.equals(b, offset, offset + prefix.length, prefix, 0, prefix.length);
  }

  private static boolean contains(byte[] b, byte value) {
    for (byte x : b) {
      if (x == value) {
        return true;
      }
    }
    return false;
  }
}
