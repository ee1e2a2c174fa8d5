package bank.complaints.api.openapi;

import bank.complaints.api.ComplaintsApi;
import bank.complaints.api.openapi.ResourceMethods.Endpoint;
import bank.complaints.api.problem.Problem;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Completes the document Payara's scanner builds from the annotations, so that a client generator
 * and a linter accept it (why a filter and not a static document: the contract stays next to the
 * code it describes, and what the scanner gets wrong is corrected from the same Java types):
 *
 * <ul>
 *   <li>every property typed as its Java member is (enums with their values, date-times, lists of
 *       their items, money with its scale), required where bean validation requires it;
 *   <li>every {@code /api} operation carries the bearer security, a success response typed from its
 *       method's return type where the annotations name none, and the problem responses (RFC 9457)
 *       it can really answer: 400 for parameters or a body, 401, 403, 404 on a resource by
 *       identifier, 413 and 415 for a JSON body, 503 with Retry-After;
 *   <li>the annotation defaults Payara copies into every annotated schema ({@code maxProperties:
 *       0}, {@code nullable: false} …) removed, examples given their schema's JSON type, and
 *       Payara's own top-level {@code endpoints} list (not OpenAPI) left out.
 * </ul>
 */
public class ContractFilter implements OASFilter {

  private static final Logger LOG = Logger.getLogger(ContractFilter.class.getName());
  private static final String BEARER = "bearer";
  private static final String RESPONSES = "#/components/responses/";

  /** The problem responses every operation may share, by status. */
  private static final Map<String, String[]> SHARED =
      Map.of(
          "400", new String[] {"BadRequest", "A parameter or the body is malformed or invalid."},
          "401", new String[] {"Unauthenticated", "No bearer token, or one that is not valid."},
          "403", new String[] {"Forbidden", "The token's roles or scope do not allow this call."},
          "404", new String[] {"NotFound", "No such resource."},
          "413", new String[] {"BodyTooLarge", "The body is larger than 1 MiB."},
          "415", new String[] {"UnsupportedBody", "The body is not UTF-8 JSON."},
          "503",
              new String[] {
                "Unavailable",
                "The database or the broker is unavailable for a moment: try again after"
                    + " Retry-After seconds; nothing was stored."
              });

  @Override
  public void filterOpenAPI(OpenAPI api) {
    List<Endpoint> endpoints = ResourceMethods.of(ComplaintsApi.class);
    JavaSchemas java = new JavaSchemas();
    endpoints.forEach(e -> typesOf(e.method()).forEach(java::add));
    java.add(Problem.class);

    if (api.getComponents() == null) {
      api.setComponents(OASFactory.createComponents());
    }
    Components components = api.getComponents();
    if (components.getSchemas() == null) {
      components.setSchemas(new LinkedHashMap<>());
    }
    java.classes()
        .forEach(
            (name, type) -> {
              Schema component = components.getSchemas().get(name);
              if (component != null) {
                java.repair(component, type);
              }
            });
    sharedResponses(components);

    Map<String, Endpoint> byOperation = new LinkedHashMap<>();
    endpoints.forEach(e -> byOperation.put(e.httpMethod() + " " + e.path(), e));
    if (api.getPaths() != null && api.getPaths().getPathItems() != null) {
      api.getPaths()
          .getPathItems()
          .forEach(
              (path, item) ->
                  item.getOperations()
                      .forEach(
                          (method, operation) ->
                              complete(
                                  path,
                                  operation,
                                  byOperation.get(method.name().toLowerCase() + " " + path),
                                  java)));
    }

    addMissingComponents(api, java);
    pruneUnused(api);
    walkSchemas(api, ContractFilter::clean);
    forEachOperation(
        api,
        operation -> {
          if (operation.getRequestBody() != null) {
            jsonExamples(operation.getRequestBody().getContent());
          }
          operation
              .getResponses()
              .getAPIResponses()
              .values()
              .forEach(r -> jsonExamples(r.getContent()));
        });
    forEachOperation(api, ContractFilter::cleanParameters);
    uniqueTags(api);
    leaveOutPayaraEndpoints(api);
  }

  private static void cleanParameters(Operation operation) {
    if (operation.getParameters() == null) {
      return;
    }
    for (var parameter : operation.getParameters()) {
      if (Boolean.FALSE.equals(parameter.getDeprecated())) {
        parameter.setDeprecated(null);
      }
      if (Boolean.FALSE.equals(parameter.getAllowEmptyValue())) {
        parameter.setAllowEmptyValue(null);
      }
      if (Boolean.FALSE.equals(parameter.getAllowReserved())) {
        parameter.setAllowReserved(null);
      }
    }
  }

  /** Payara lists a class's tag again for each class: one per name, the described one kept. */
  private static void uniqueTags(OpenAPI api) {
    if (api.getTags() == null) {
      return;
    }
    Map<String, org.eclipse.microprofile.openapi.models.tags.Tag> unique = new LinkedHashMap<>();
    for (var tag : api.getTags()) {
      var kept = unique.get(tag.getName());
      if (kept == null || kept.getDescription() == null) {
        unique.put(tag.getName(), tag);
      }
    }
    api.setTags(new ArrayList<>(unique.values()));
  }

  /** The classes an endpoint exchanges: its return type, body, and annotated implementations. */
  private static List<Type> typesOf(Method method) {
    List<Type> types = new ArrayList<>();
    types.add(method.getGenericReturnType());
    for (Parameter parameter : method.getParameters()) {
      if (isBody(parameter)) {
        types.add(parameter.getParameterizedType());
      }
    }
    var responses =
        method.getAnnotationsByType(
            org.eclipse.microprofile.openapi.annotations.responses.APIResponse.class);
    for (var response : responses) {
      for (var content : response.content()) {
        types.add(content.schema().implementation());
      }
    }
    var body =
        method.getAnnotation(
            org.eclipse.microprofile.openapi.annotations.parameters.RequestBody.class);
    if (body != null) {
      for (var content : body.content()) {
        types.add(content.schema().implementation());
      }
    }
    types.removeIf(t -> t == Void.class || t == void.class || t == Response.class);
    return types;
  }

  private static boolean isBody(Parameter parameter) {
    for (var annotation : parameter.getAnnotations()) {
      String name = annotation.annotationType().getName();
      if (name.startsWith("jakarta.ws.rs.") || name.equals("jakarta.ws.rs.core.Context")) {
        return false;
      }
    }
    return true;
  }

  private void complete(String path, Operation operation, Endpoint endpoint, JavaSchemas java) {
    if (operation.getDeprecated() != null && !operation.getDeprecated()) {
      operation.setDeprecated(null);
    }
    if (!path.startsWith("/api/")) {
      return;
    }
    operation.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(BEARER)));
    if (operation.getResponses() == null) {
      operation.setResponses(OASFactory.createAPIResponses());
    }
    APIResponses responses = operation.getResponses();
    if (endpoint != null) {
      annotatedSchemas(operation, endpoint.method());
      success(responses, endpoint, java);
    } else {
      LOG.warning(() -> "OpenAPI: no resource method found for " + path);
    }
    Set<String> statuses = new HashSet<>(List.of("401", "403", "503"));
    boolean hasParameters =
        operation.getParameters() != null && !operation.getParameters().isEmpty();
    RequestBody body = operation.getRequestBody();
    if (hasParameters || body != null) {
      statuses.add("400");
    }
    if (path.contains("{")) {
      statuses.add("404");
    }
    if (body != null
        && body.getContent() != null
        && body.getContent().hasMediaType(MediaType.APPLICATION_JSON)) {
      statuses.add("413");
      statuses.add("415");
    }
    for (String status : statuses) {
      if (!responses.hasAPIResponse(status)) {
        responses.addAPIResponse(
            status, OASFactory.createAPIResponse().ref(RESPONSES + SHARED.get(status)[0]));
      }
    }
    Map<String, APIResponse> ordered = new TreeMap<>(responses.getAPIResponses());
    responses.setAPIResponses(ordered);
    ordered.forEach(
        (status, response) -> {
          if (response.getRef() != null) {
            return;
          }
          if (response.getDescription() == null || response.getDescription().isBlank()) {
            response.setDescription(reason(status));
          }
          if (status.startsWith("4") || status.startsWith("5")) {
            problemContent(response);
          }
        });
  }

  /** A 2xx from the method's return type, where the annotations declare none. */
  private static void success(APIResponses responses, Endpoint endpoint, JavaSchemas java) {
    boolean declared =
        responses.getAPIResponses().keySet().stream().anyMatch(s -> s.startsWith("2"));
    APIResponse fallback = responses.getDefaultValue();
    if (fallback != null) {
      responses.removeAPIResponse(APIResponses.DEFAULT);
    }
    if (declared) {
      return;
    }
    Type returned = endpoint.method().getGenericReturnType();
    if (returned == void.class) {
      responses.addAPIResponse("204", OASFactory.createAPIResponse().description("No Content"));
      return;
    }
    APIResponse response = fallback != null ? fallback : OASFactory.createAPIResponse();
    response.setDescription("OK");
    if (returned != Response.class) {
      Content content = OASFactory.createContent();
      for (String mediaType : produces(endpoint.method())) {
        content.addMediaType(
            mediaType, OASFactory.createMediaType().schema(java.schemaOf(returned)));
      }
      response.setContent(content);
    }
    responses.addAPIResponse("200", response);
  }

  private static String[] produces(Method method) {
    Produces produces = method.getAnnotation(Produces.class);
    if (produces == null) {
      produces = method.getDeclaringClass().getAnnotation(Produces.class);
    }
    return produces == null ? new String[] {MediaType.APPLICATION_JSON} : produces.value();
  }

  private static void sharedResponses(Components components) {
    SHARED.forEach(
        (status, shared) -> {
          APIResponse response = OASFactory.createAPIResponse().description(shared[1]);
          problemContent(response);
          if ("503".equals(status)) {
            response.addHeader(
                "Retry-After",
                OASFactory.createHeader()
                    .description("Seconds to wait before trying again.")
                    .schema(OASFactory.createSchema().type(SchemaType.INTEGER).format("int32")));
          }
          components.addResponse(shared[0], response);
        });
  }

  /** An error answers application/problem+json with the Problem schema (examples kept). */
  private static void problemContent(APIResponse response) {
    Content content = response.getContent();
    if (content == null || content.getMediaTypes() == null || content.getMediaTypes().isEmpty()) {
      content = OASFactory.createContent();
      content.addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType());
      response.setContent(content);
    }
    content
        .getMediaTypes()
        .forEach(
            (type, media) -> {
              if (media.getSchema() == null || media.getSchema().getRef() == null) {
                media.setSchema(
                    OASFactory.createSchema()
                        .ref(JavaSchemas.COMPONENTS + JavaSchemas.name(Problem.class)));
              }
            });
  }

  private static String reason(String status) {
    try {
      Response.Status known = Response.Status.fromStatusCode(Integer.parseInt(status));
      return known != null ? known.getReasonPhrase() : "Status " + status;
    } catch (NumberFormatException e) {
      return "Response";
    }
  }

  /**
   * Every component a reference names exists: added from its class where the scanner left it out.
   */
  private static void addMissingComponents(OpenAPI api, JavaSchemas java) {
    Map<String, Schema> schemas = api.getComponents().getSchemas();
    boolean added = true;
    while (added) {
      added = false;
      Set<String> referenced = new HashSet<>();
      walkSchemas(
          api,
          s -> {
            if (s.getRef() != null && s.getRef().startsWith(JavaSchemas.COMPONENTS)) {
              referenced.add(s.getRef().substring(JavaSchemas.COMPONENTS.length()));
            }
          });
      for (String name : referenced) {
        if (!schemas.containsKey(name) && java.classOf(name).isPresent()) {
          api.getComponents().addSchema(name, java.componentOf(java.classOf(name).get()));
          added = true;
        }
      }
    }
  }

  /**
   * The schema an annotation names for a body or a response wins over the one Payara scanned (which
   * inlines it, or takes the parameter's type, e.g. the parts of a multipart upload).
   */
  private static void annotatedSchemas(Operation operation, Method method) {
    var body =
        method.getAnnotation(
            org.eclipse.microprofile.openapi.annotations.parameters.RequestBody.class);
    if (body != null && operation.getRequestBody() != null) {
      reference(operation.getRequestBody().getContent(), body.content());
    }
    for (var declared :
        method.getAnnotationsByType(
            org.eclipse.microprofile.openapi.annotations.responses.APIResponse.class)) {
      APIResponse response = operation.getResponses().getAPIResponse(declared.responseCode());
      if (response != null) {
        reference(response.getContent(), declared.content());
      }
    }
  }

  private static void reference(
      Content content, org.eclipse.microprofile.openapi.annotations.media.Content[] declared) {
    if (content == null || content.getMediaTypes() == null) {
      return;
    }
    for (var annotation : declared) {
      Class<?> type = annotation.schema().implementation();
      if (type == Void.class || !JavaSchemas.isObject(type)) {
        continue;
      }
      content
          .getMediaTypes()
          .forEach(
              (mediaType, media) -> {
                if (annotation.mediaType().isBlank() || annotation.mediaType().equals(mediaType)) {
                  media.setSchema(
                      OASFactory.createSchema()
                          .ref(JavaSchemas.COMPONENTS + JavaSchemas.name(type)));
                }
              });
    }
  }

  /** JSON examples written as text in the annotations, given as the JSON they are. */
  private static void jsonExamples(Content content) {
    if (content == null || content.getMediaTypes() == null) {
      return;
    }
    content
        .getMediaTypes()
        .forEach(
            (mediaType, media) -> {
              if (!mediaType.contains("json") || media.getExamples() == null) {
                return;
              }
              media
                  .getExamples()
                  .values()
                  .forEach(
                      example -> {
                        if (example.getValue() instanceof String text) {
                          try (var reader = Json.createReader(new StringReader(text))) {
                            example.setValue(java(reader.readValue()));
                          } catch (jakarta.json.JsonException e) {
                            // not JSON after all: left as the text it is
                          }
                        }
                      });
            });
  }

  private static Object java(JsonValue value) {
    switch (value.getValueType()) {
      case OBJECT:
        Map<String, Object> object = new LinkedHashMap<>();
        value.asJsonObject().forEach((k, v) -> object.put(k, java(v)));
        return object;
      case ARRAY:
        List<Object> array = new ArrayList<>();
        value.asJsonArray().forEach(v -> array.add(java(v)));
        return array;
      case STRING:
        return ((JsonString) value).getString();
      case NUMBER:
        return ((JsonNumber) value).bigDecimalValue();
      case TRUE:
        return Boolean.TRUE;
      case FALSE:
        return Boolean.FALSE;
      default:
        return null;
    }
  }

  /** Components nothing refers to (an enum the scanner listed apart, say) are left out. */
  private static void pruneUnused(OpenAPI api) {
    Map<String, Schema> schemas = api.getComponents().getSchemas();
    boolean removed = true;
    while (removed) {
      Set<String> referenced = new HashSet<>();
      walkSchemas(
          api,
          s -> {
            if (s.getRef() != null && s.getRef().startsWith(JavaSchemas.COMPONENTS)) {
              referenced.add(s.getRef().substring(JavaSchemas.COMPONENTS.length()));
            }
          });
      removed = false;
      for (String name : new ArrayList<>(schemas.keySet())) {
        if (!referenced.contains(name)) {
          api.getComponents().removeSchema(name);
          removed = true;
        }
      }
    }
  }

  /** Removes what Payara copies from annotation defaults, and types examples as their schema. */
  private static void clean(Schema schema) {
    if (Boolean.FALSE.equals(schema.getExclusiveMaximum())) {
      schema.setExclusiveMaximum(null);
    }
    if (Boolean.FALSE.equals(schema.getExclusiveMinimum())) {
      schema.setExclusiveMinimum(null);
    }
    if (Boolean.FALSE.equals(schema.getUniqueItems())) {
      schema.setUniqueItems(null);
    }
    if (Boolean.FALSE.equals(schema.getNullable())) {
      schema.setNullable(null);
    }
    if (Boolean.FALSE.equals(schema.getReadOnly())) {
      schema.setReadOnly(null);
    }
    if (Boolean.FALSE.equals(schema.getWriteOnly())) {
      schema.setWriteOnly(null);
    }
    if (Boolean.FALSE.equals(schema.getDeprecated())) {
      schema.setDeprecated(null);
    }
    if (zero(schema.getMaxProperties())) {
      schema.setMaxProperties(null);
    }
    if (zero(schema.getMinProperties())) {
      schema.setMinProperties(null);
    }
    if (zero(schema.getMinLength())) {
      schema.setMinLength(null);
    }
    if (zero(schema.getMinItems())) {
      schema.setMinItems(null);
    }
    if (schema.getMultipleOf() != null && schema.getMultipleOf().signum() == 0) {
      schema.setMultipleOf(null);
    }
    if (schema.getType() != null
        && schema.getType() != SchemaType.OBJECT
        && schema.getProperties() != null) {
      // a scalar or an array has no properties (Payara merges a class's into a content schema)
      schema.setProperties(null);
    }
    if (schema.getExample() instanceof String text && schema.getType() != null) {
      schema.setExample(typed(text, schema.getType()));
    }
  }

  private static boolean zero(Integer value) {
    return value != null && value == 0;
  }

  private static Object typed(String example, SchemaType type) {
    try {
      switch (type) {
        case NUMBER:
          return new BigDecimal(example);
        case INTEGER:
          return Long.valueOf(example);
        case BOOLEAN:
          return "true".equals(example) || "false".equals(example)
              ? Boolean.valueOf(example)
              : example;
        case ARRAY:
          try (var reader = Json.createReader(new StringReader(example))) {
            return values(reader.readArray());
          }
        default:
          return example;
      }
    } catch (NumberFormatException | jakarta.json.JsonException e) {
      return example;
    }
  }

  private static List<Object> values(JsonArray array) {
    List<Object> values = new ArrayList<>();
    for (JsonValue value : array) {
      if (value instanceof JsonString s) {
        values.add(s.getString());
      } else if (value instanceof JsonNumber n) {
        values.add(n.bigDecimalValue());
      } else {
        values.add(value.toString());
      }
    }
    return values;
  }

  private static void forEachOperation(OpenAPI api, Consumer<Operation> action) {
    if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
      return;
    }
    for (PathItem item : api.getPaths().getPathItems().values()) {
      item.getOperations().values().forEach(action);
    }
  }

  /** Every schema in the document, nested ones included. */
  private static void walkSchemas(OpenAPI api, Consumer<Schema> action) {
    Set<Schema> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    Consumer<Schema> walk =
        new Consumer<>() {
          @Override
          public void accept(Schema schema) {
            if (schema == null || !seen.add(schema)) {
              return;
            }
            action.accept(schema);
            if (schema.getProperties() != null) {
              schema.getProperties().values().forEach(this);
            }
            accept(schema.getItems());
            accept(schema.getAdditionalPropertiesSchema());
            accept(schema.getNot());
            for (List<Schema> group :
                java.util.Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
              if (group != null) {
                group.forEach(this);
              }
            }
          }
        };
    Consumer<Content> content =
        c -> {
          if (c != null && c.getMediaTypes() != null) {
            c.getMediaTypes().values().forEach(m -> walk.accept(m.getSchema()));
          }
        };
    Consumer<Map<String, Header>> headers =
        h -> {
          if (h != null) {
            h.values().forEach(header -> walk.accept(header.getSchema()));
          }
        };
    Components components = api.getComponents();
    if (components != null) {
      if (components.getSchemas() != null) {
        components.getSchemas().values().forEach(walk);
      }
      if (components.getResponses() != null) {
        components
            .getResponses()
            .values()
            .forEach(
                r -> {
                  content.accept(r.getContent());
                  headers.accept(r.getHeaders());
                });
      }
    }
    forEachOperation(
        api,
        operation -> {
          if (operation.getParameters() != null) {
            operation.getParameters().forEach(p -> walk.accept(p.getSchema()));
          }
          if (operation.getRequestBody() != null) {
            content.accept(operation.getRequestBody().getContent());
          }
          if (operation.getResponses() != null
              && operation.getResponses().getAPIResponses() != null) {
            operation
                .getResponses()
                .getAPIResponses()
                .values()
                .forEach(
                    r -> {
                      content.accept(r.getContent());
                      headers.accept(r.getHeaders());
                    });
          }
        });
  }

  /** Payara 6 writes the application's paths as a top-level "endpoints" member OpenAPI has not. */
  private static void leaveOutPayaraEndpoints(OpenAPI api) {
    try {
      api.getClass().getMethod("setEndpoints", Map.class).invoke(api, new TreeMap<>());
    } catch (ReflectiveOperationException | RuntimeException e) {
      // another implementation, or a Payara that writes them as an extension: nothing to do
    }
  }
}
