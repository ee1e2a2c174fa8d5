package bank.complaints.api;

import jakarta.annotation.Priority;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A JSON request body is checked whole before it is bound (issue 19): UTF-8 only (RFC 8259; another
 * declared charset is a 415), well-formed UTF-8 bytes, exactly one JSON value with nothing after
 * it, and no text that a database cannot keep or that is not text at all (U+0000, a lone UTF-16
 * surrogate from a {@code \\uD800} escape); each of these is a 400 problem. Without this, Yasson
 * bound the first value and ignored what followed, decoded malformed bytes to U+FFFD, and a NUL
 * reached PostgreSQL, which refused it with a 500. At most {@link #MAX_BYTES} (413 beyond): JSON
 * requests are small; files come as multipart.
 */
@Provider
@Priority(Priorities.ENTITY_CODER)
public class StrictJsonBody implements ReaderInterceptor {

  static final int MAX_BYTES = 1 << 20;

  /**
   * Looked up once: {@code Json.createParser} looks the provider up on every call, and with
   * Payara's {@code jakarta.json.provider} property that is a new Parsson provider with its own
   * buffer pool per request (issue 18).
   */
  private static final JsonProvider JSON = JsonProvider.provider();

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    MediaType type = context.getMediaType();
    if (type == null || !isJson(type)) {
      return context.proceed();
    }
    String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
    if (charset != null && !isUtf8(charset)) {
      throw new NotSupportedException(
          "A JSON body is UTF-8 (RFC 8259); charset " + charset + " is not accepted.");
    }
    byte[] body = readAtMost(context.getInputStream());
    check(body);
    context.setInputStream(new ByteArrayInputStream(body));
    return context.proceed();
  }

  private static boolean isUtf8(String charset) {
    try {
      return Charset.forName(charset).equals(StandardCharsets.UTF_8);
    } catch (IllegalArgumentException unknown) {
      return false;
    }
  }

  private static boolean isJson(MediaType type) {
    return type.getType().equalsIgnoreCase("application")
        && (type.getSubtype().equalsIgnoreCase("json")
            || type.getSubtype().toLowerCase().endsWith("+json"));
  }

  private static byte[] readAtMost(InputStream in) throws IOException {
    byte[] body = in.readNBytes(MAX_BYTES + 1);
    if (body.length > MAX_BYTES) {
      throw new WebApplicationException(
          "A JSON body is at most " + MAX_BYTES + " bytes.",
          Response.Status.REQUEST_ENTITY_TOO_LARGE);
    }
    return body;
  }

  /** Refuses a body that is not one well-formed JSON value of proper UTF-8 text. */
  static void check(byte[] body) {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(body))
              .toString();
    } catch (CharacterCodingException e) {
      throw new BadRequestException("The body is not well-formed UTF-8.");
    }
    try (JsonParser parser = JSON.createParser(new StringReader(text))) {
      while (parser.hasNext()) {
        JsonParser.Event event = parser.next();
        if (event == JsonParser.Event.VALUE_STRING || event == JsonParser.Event.KEY_NAME) {
          String problem = notText(parser.getString());
          if (problem != null) {
            throw new BadRequestException(
                "A text in the body " + problem + " (" + where(parser.getLocation()) + ").");
          }
        }
      }
    } catch (JsonParsingException e) {
      throw new BadRequestException(
          "The body is not one JSON value (" + where(e.getLocation()) + ").");
    }
  }

  /** Why a decoded JSON string is not text that can be kept, or {@code null} when it is. */
  private static String notText(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\0') {
        return "contains U+0000";
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
          i++;
          continue;
        }
        return "contains a lone surrogate";
      }
      if (Character.isLowSurrogate(c)) {
        return "contains a lone surrogate";
      }
    }
    return null;
  }

  private static String where(JsonLocation location) {
    return location == null
        ? "position unknown"
        : "line " + location.getLineNumber() + ", column " + location.getColumnNumber();
  }
}
