package bank.complaints.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
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

  /**
   * 200 with the view and its tag, or 304 when the caller's {@code If-None-Match} matches it. The
   * view is written to JSON once: the body sent is the JSON the tag was taken of (issue 18: it was
   * written twice, once for the tag and again by JAX-RS).
   */
  public static Response conditional(Request request, Object view) {
    byte[] json = JSON.toJson(view).getBytes(StandardCharsets.UTF_8);
    EntityTag tag = tagOf(json);
    Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
    Response.ResponseBuilder answer =
        notModified != null ? notModified : Response.ok(json, MediaType.APPLICATION_JSON_TYPE);
    return answer.tag(tag).cacheControl(PRIVATE_REVALIDATED).build();
  }

  private static EntityTag tagOf(byte[] json) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(json);
      return new EntityTag(HexFormat.of().formatHex(digest, 0, 16));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
