package bank.complaints.evidence;

import java.net.URI;
import java.util.Objects;

/**
 * R-I5: an evidence item as it is registered: who provided it, what it is, and where it lives when
 * it is kept outside the bank (a video link); an uploaded file travels beside it.
 *
 * @param link an http(s) address, or null
 */
public record NewEvidence(EvidenceSource source, EvidenceKind kind, String description, URI link) {

  public NewEvidence {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(description, "description");
    if (link != null
        && (!link.isAbsolute()
            || link.getHost() == null
            || !("https".equals(link.getScheme()) || "http".equals(link.getScheme())))) {
      throw new IllegalArgumentException("an evidence link is an absolute http(s) address");
    }
  }
}
