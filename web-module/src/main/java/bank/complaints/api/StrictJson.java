package bank.complaints.api;

import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Type;

/**
 * The JSON-B the API reads request bodies with. Yasson, left to itself, turns {@code 42}, {@code
 * true} or even an array into a text field's value; a channel system that sends a number where the
 * contract says text has a bug we should tell it about, so text fields accept JSON strings only
 * (anything else is a 400 problem).
 */
@Provider
public class StrictJson implements ContextResolver<Jsonb> {

  private final Jsonb jsonb =
      JsonbBuilder.create(new JsonbConfig().withDeserializers(new TextOnly()));

  @Override
  public Jsonb getContext(Class<?> type) {
    return jsonb;
  }

  /** A text field takes a JSON string and nothing else. */
  static final class TextOnly implements JsonbDeserializer<String> {
    @Override
    public String deserialize(JsonParser parser, DeserializationContext context, Type type) {
      JsonValue value = parser.getValue();
      if (value.getValueType() != JsonValue.ValueType.STRING) {
        throw new JsonbException("expected a JSON string, found " + value.getValueType());
      }
      return ((JsonString) value).getString();
    }
  }
}
