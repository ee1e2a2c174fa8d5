package bank.complaints.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Conditional reads: a representation's entity tag is a digest of its JSON, so it changes exactly
 * when something the caller sees changes (a step, a clock, a masked field), whatever row it comes
 * from. A channel system that polls a complaint's progress sends the tag back in {@code
 * If-None-Match} and gets {@code 304 Not Modified} without the body while nothing changed. Cached
 * privately only, and revalidated every time: it carries a customer's (masked) data.
 */
public final class EntityTags {

  private static final Jsonb JSON = JsonbBuilder.create();

  private static final CacheControl PRIVATE_REVALIDATED = CacheControl.valueOf("private, no-cache");

  private EntityTags() {}

  /** 200 with the view and its tag, or 304 when the caller's {@code If-None-Match} matches it. */
  public static Response conditional(Request request, Object view) {
    EntityTag tag = tagOf(view);
    Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
    Response.ResponseBuilder answer = notModified != null ? notModified : Response.ok(view);
    return answer.tag(tag).cacheControl(PRIVATE_REVALIDATED).build();
  }

  static EntityTag tagOf(Object view) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(JSON.toJson(view).getBytes(StandardCharsets.UTF_8));
      return new EntityTag(HexFormat.of().formatHex(digest, 0, 16));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
