package bank.complaints.system;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The system's HTTP API as a channel system calls it. */
final class Api {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Api() {}

  static HttpResponse<String> post(String path, String contentType, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(Runtime.BASE_URL + path))
            .timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return send(request.build());
  }

  static HttpResponse<String> postJson(String path, String json, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(Runtime.BASE_URL + path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request.build());
  }

  static HttpResponse<String> putJson(String path, String json) {
    return send(
        HttpRequest.newBuilder(URI.create(Runtime.BASE_URL + path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  /** Any method, any body (null: none), any content type (null: none), extra headers. */
  static HttpResponse<String> request(
      String method, String path, String contentType, String body, String... headers) {
    return requestAt(Runtime.BASE_URL, method, path, contentType, body, headers);
  }

  /** The same, to another address than the system's (one instance of a cluster). */
  static HttpResponse<String> requestAt(
      String baseUrl,
      String method,
      String path,
      String contentType,
      String body,
      String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request.build());
  }

  static HttpResponse<String> postBytes(String path, String contentType, byte[] body) {
    return send(
        HttpRequest.newBuilder(URI.create(Runtime.BASE_URL + path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build());
  }

  static HttpResponse<byte[]> getBytes(String path) {
    try {
      return HTTP.send(
          authorized(
              HttpRequest.newBuilder(URI.create(Runtime.BASE_URL + path))
                  .timeout(Duration.ofSeconds(30))
                  .GET()
                  .build()),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static HttpResponse<String> get(String path) {
    return send(
        HttpRequest.newBuilder(URI.create(Runtime.BASE_URL + path))
            .timeout(Duration.ofSeconds(30))
            .GET()
            .build());
  }

  static JsonObject json(HttpResponse<String> response) {
    try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
      return reader.readObject();
    }
  }

  static JsonArray jsonArray(HttpResponse<String> response) {
    try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
      return reader.readArray();
    }
  }

  /**
   * A complaint's clock of that stage, as {@code GET /api/v1/complaints/{number}/clocks} shows it.
   */
  static JsonObject clock(String number, String stage) {
    for (JsonValue value : jsonArray(get("/api/v1/complaints/" + number + "/clocks"))) {
      if (value.asJsonObject().getString("stage").equals(stage)) {
        return value.asJsonObject();
      }
    }
    throw new AssertionError("no " + stage + " clock on " + number);
  }

  static JsonObject json(String text) {
    try (JsonReader reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }

  /**
   * R-S1: every call carries a bearer token; unless the test sets its own, the token of every role
   * ({@link Tokens#EVERY_ROLE}).
   */
  static HttpRequest authorized(HttpRequest request) {
    if (request.headers().firstValue("Authorization").isPresent()) {
      return request;
    }
    return HttpRequest.newBuilder(request, (name, value) -> true)
        .header("Authorization", "Bearer " + Tokens.EVERY_ROLE)
        .build();
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(authorized(request), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
