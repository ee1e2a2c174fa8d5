package bank.complaints.system;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.yaml.snakeyaml.Yaml;

/**
 * The message contract departments integrate with (docs/asyncapi.yaml), applied to messages taken
 * off the real queues: required properties present, no property the contract does not describe,
 * enum and const values, UUIDs and date-times well formed.
 */
final class AsyncApiContract {

  private static final Map<String, Object> MESSAGES = load();

  private AsyncApiContract() {}

  @SuppressWarnings("unchecked")
  private static Map<String, Object> load() {
    Path file = Path.of(System.getProperty("user.dir")).resolve("../docs/asyncapi.yaml");
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      Map<String, Object> document = new Yaml().load(reader);
      return (Map<String, Object>)
          ((Map<String, Object>) document.get("components")).get("messages");
    } catch (IOException e) {
      throw new IllegalStateException("docs/asyncapi.yaml not readable from " + file, e);
    }
  }

  /** The violations of a message's payload against its schema; empty when it conforms. */
  @SuppressWarnings("unchecked")
  static List<String> violations(String messageName, JsonObject payload) {
    Map<String, Object> message = (Map<String, Object>) MESSAGES.get(messageName);
    if (message == null) {
      return List.of("no message " + messageName + " in docs/asyncapi.yaml");
    }
    Map<String, Object> schema = (Map<String, Object>) message.get("payload");
    Map<String, Map<String, Object>> properties =
        (Map<String, Map<String, Object>>) schema.get("properties");
    List<String> wrong = new ArrayList<>();
    for (String required : (List<String>) schema.get("required")) {
      if (!payload.containsKey(required) || payload.isNull(required)) {
        wrong.add(required + " is required");
      }
    }
    for (Map.Entry<String, JsonValue> field : payload.entrySet()) {
      Map<String, Object> property = properties.get(field.getKey());
      if (property == null) {
        wrong.add(field.getKey() + " is not in the contract");
        continue;
      }
      if (field.getValue().getValueType() == JsonValue.ValueType.NULL) {
        continue;
      }
      check(field.getKey(), property, field.getValue(), wrong);
    }
    return wrong;
  }

  @SuppressWarnings("unchecked")
  private static void check(
      String name, Map<String, Object> property, JsonValue value, List<String> wrong) {
    String type = (String) property.get("type");
    if ("array".equals(type)) {
      if (!(value instanceof jakarta.json.JsonArray items)) {
        wrong.add(name + " is not an array: " + value);
        return;
      }
      Map<String, Object> item = (Map<String, Object>) property.get("items");
      for (int i = 0; i < items.size(); i++) {
        check(name + "[" + i + "]", item, items.get(i), wrong);
      }
      return;
    }
    if ("integer".equals(type)) {
      if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
        wrong.add(name + " is not an integer: " + value);
        return;
      }
      if (property.containsKey("const")
          && number.intValue() != ((Number) property.get("const")).intValue()) {
        wrong.add(name + " is " + value + ", the contract says " + property.get("const"));
      }
      return;
    }
    if (!(value instanceof JsonString string)) {
      wrong.add(name + " is not a string: " + value);
      return;
    }
    String text = string.getString();
    List<Object> allowed = (List<Object>) property.get("enum");
    if (allowed != null && !allowed.contains(text)) {
      wrong.add(name + " = " + text + " is not one of " + allowed);
    }
    if (property.containsKey("const") && !text.equals(String.valueOf(property.get("const")))) {
      wrong.add(name + " is " + text + ", the contract says " + property.get("const"));
    }
    try {
      if ("uuid".equals(property.get("format"))) {
        UUID.fromString(text);
      } else if ("date-time".equals(property.get("format"))) {
        Instant.parse(text);
      }
    } catch (RuntimeException e) {
      wrong.add(name + " is not a " + property.get("format") + ": " + text);
    }
  }
}
