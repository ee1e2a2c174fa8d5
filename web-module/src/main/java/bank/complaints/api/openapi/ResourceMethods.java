package bank.complaints.api.openapi;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The JAX-RS resource methods of the API, found by listing the classes of its package on the class
 * path (an EAR deployed to Payara is always expanded; a packed archive works too). Each is known by
 * the HTTP method and the path template the OpenAPI document names it by.
 */
final class ResourceMethods {

  /** One resource method: {@code GET /api/v1/complaints/{number}}. */
  record Endpoint(String httpMethod, String path, Method method) {}

  private ResourceMethods() {}

  static List<Endpoint> of(Class<?> application) {
    String root = application.getAnnotation(ApplicationPath.class).value();
    List<Endpoint> endpoints = new ArrayList<>();
    for (Class<?> type : classesUnder(application.getPackageName(), application.getClassLoader())) {
      Path classPath = type.getAnnotation(Path.class);
      if (classPath == null || type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
        continue;
      }
      for (Method method : type.getMethods()) {
        httpMethod(method)
            .ifPresent(
                verb -> {
                  Path methodPath = method.getAnnotation(Path.class);
                  endpoints.add(
                      new Endpoint(
                          verb,
                          template(
                              root,
                              classPath.value(),
                              methodPath == null ? "" : methodPath.value()),
                          method));
                });
      }
    }
    return endpoints;
  }

  private static Optional<String> httpMethod(Method method) {
    return Stream.of(method.getAnnotations())
        .map(a -> a.annotationType().getAnnotation(HttpMethod.class))
        .filter(h -> h != null)
        .map(h -> h.value().toLowerCase(Locale.ROOT))
        .findFirst();
  }

  /** "/api" + "v1/complaints/{number}" + "clocks/{stage: [A-Z_]+}" → a normalized template. */
  static String template(String... parts) {
    StringBuilder path = new StringBuilder();
    for (String part : parts) {
      for (String segment : part.split("/")) {
        if (!segment.isBlank()) {
          path.append('/').append(segment.strip());
        }
      }
    }
    // {name: regex} → {name}
    return path.toString().replaceAll("\\{\\s*([^}:\\s]+)\\s*:[^}]*}", "{$1}");
  }

  private static List<Class<?>> classesUnder(String packageName, ClassLoader loader) {
    String directory = packageName.replace('.', '/');
    List<String> names = new ArrayList<>();
    try {
      for (URL url : Collections.list(loader.getResources(directory))) {
        if ("file".equals(url.getProtocol())) {
          java.nio.file.Path base = java.nio.file.Path.of(url.toURI());
          try (Stream<java.nio.file.Path> files = Files.walk(base)) {
            files
                .map(base::relativize)
                .map(java.nio.file.Path::toString)
                .filter(f -> f.endsWith(".class"))
                .forEach(f -> names.add(directory + "/" + f.replace('\\', '/')));
          }
        } else if ("jar".equals(url.getProtocol())) {
          JarURLConnection connection = (JarURLConnection) url.openConnection();
          connection.setUseCaches(false);
          try (JarFile jar = connection.getJarFile()) {
            jar.stream()
                .map(e -> e.getName())
                .filter(n -> n.startsWith(directory + "/") && n.endsWith(".class"))
                .forEach(names::add);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the classes of " + packageName, e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot list the classes of " + packageName, e);
    }
    List<Class<?>> classes = new ArrayList<>();
    for (String name : names) {
      String className = name.substring(0, name.length() - ".class".length()).replace('/', '.');
      if (className.endsWith("package-info") || className.endsWith("module-info")) {
        continue;
      }
      try {
        classes.add(Class.forName(className, false, loader));
      } catch (ClassNotFoundException | LinkageError e) {
        // a class this document does not need (e.g. one that needs a container type): skip it
      }
    }
    return classes;
  }
}
