package bank.complaints.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Issue 22: the OpenAPI document served at /openapi is the contract committed as docs/openapi.yaml,
 * from which the build generates (and validates, with openapi-generator) the client
 * GeneratedClientIT uses; and it says what a client generator needs on every operation.
 */
class OpenApiContractIT extends SystemTest {

  private static final Path COMMITTED =
      Path.of(System.getProperty("user.dir")).resolve("../docs/openapi.yaml");

  @Test
  @DisplayName(
      "The served OpenAPI document is docs/openapi.yaml, the contract the build validates and"
          + " generates the test client from")
  void servedDocumentIsTheCommittedContract() throws IOException {
    HttpResponse<String> served = Api.get("/openapi");
    assertEquals(200, served.statusCode());
    Object committed = new Yaml().load(Files.readString(COMMITTED, StandardCharsets.UTF_8));
    if (!new Yaml().load(served.body()).equals(committed)) {
      Path copy = Path.of(System.getProperty("user.dir")).resolve("target/openapi-served.yaml");
      Files.writeString(copy, served.body(), StandardCharsets.UTF_8);
      fail(
          "The served OpenAPI document differs from docs/openapi.yaml. If the API change is"
              + " intended, review and commit it: cp "
              + copy
              + " docs/openapi.yaml (diff shows what changed)");
    }
  }

  @Test
  @DisplayName(
      "Every /api operation has one unique operationId, a tag, the bearer security, a success"
          + " response, and 401, 403 and 503 as RFC 9457 problems; no schema is an untyped object")
  @SuppressWarnings("unchecked")
  void everyOperationSaysWhatAClientNeeds() {
    Map<String, Object> document = new Yaml().load(Api.get("/openapi").body());
    Map<String, Object> paths = (Map<String, Object>) document.get("paths");
    Map<String, Object> components = (Map<String, Object>) document.get("components");
    Map<String, Object> shared = (Map<String, Object>) components.get("responses");
    Set<String> operationIds = new HashSet<>();
    List<String> faults = new ArrayList<>();
    int operations = 0;
    for (var path : paths.entrySet()) {
      for (var entry : ((Map<String, Object>) path.getValue()).entrySet()) {
        String where = entry.getKey().toUpperCase() + " " + path.getKey();
        Map<String, Object> operation = (Map<String, Object>) entry.getValue();
        operations++;
        Object id = operation.get("operationId");
        if (id == null || !operationIds.add((String) id)) {
          faults.add(where + ": operationId " + id + " missing or repeated");
        }
        if (operation.get("tags") == null) {
          faults.add(where + ": no tag");
        }
        if (!List.of(Map.of("bearer", List.of())).equals(operation.get("security"))) {
          faults.add(where + ": security " + operation.get("security"));
        }
        Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
        if (responses.keySet().stream().noneMatch(s -> s.startsWith("2"))) {
          faults.add(where + ": no success response");
        }
        for (String status : List.of("401", "403", "503")) {
          if (!responses.containsKey(status)) {
            faults.add(where + ": no " + status);
          }
        }
        for (var response : responses.entrySet()) {
          if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
            Map<String, Object> answer = (Map<String, Object>) response.getValue();
            Object ref = answer.get("$ref");
            if (ref != null) {
              answer = (Map<String, Object>) shared.get(((String) ref).replaceAll(".*/", ""));
            }
            Map<String, Object> content = (Map<String, Object>) answer.get("content");
            Object problem = content == null ? null : content.get("application/problem+json");
            if (problem == null
                || !Map.of("$ref", "#/components/schemas/Problem")
                    .equals(((Map<String, Object>) problem).get("schema"))) {
              faults.add(where + " " + response.getKey() + ": not a Problem");
            }
          }
        }
      }
    }
    untypedObjects(document, "", faults);
    assertTrue(operations >= 58, "operations: " + operations);
    assertEquals(List.of(), faults);
    assertNotNull(((Map<String, Object>) components.get("schemas")).get("Problem"));
    assertFalse(document.containsKey("endpoints"), "nothing outside OpenAPI at the top level");
  }

  /** An object with neither properties nor additionalProperties, or an annotation default. */
  @SuppressWarnings("unchecked")
  private static void untypedObjects(Object node, String where, List<String> faults) {
    if (node instanceof Map<?, ?> map) {
      if ("object".equals(map.get("type"))
          && !map.containsKey("properties")
          && !map.containsKey("additionalProperties")) {
        faults.add(where + ": an object of nothing");
      }
      if (Integer.valueOf(0).equals(map.get("maxProperties"))) {
        faults.add(where + ": maxProperties 0");
      }
      map.forEach((k, v) -> untypedObjects(v, where + "/" + k, faults));
    } else if (node instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        untypedObjects(list.get(i), where + "/" + i, faults);
      }
    }
  }
}
