package bank.complaints.system;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The test runtime that scripts/runtime.sh set up (broker instance, Payara, database). */
final class Runtime {

  static final String BASE_URL = "http://127.0.0.1:8080";

  private Runtime() {}

  static Path dir() {
    return Path.of(System.getProperty("runtime.dir", "target/it")).toAbsolutePath();
  }

  static Path ear() {
    return Path.of(System.getProperty("complaints.ear", "target/complaints.ear"));
  }

  static String database() {
    String db = System.getenv("COMPLAINTS_DB");
    return db == null || db.isBlank() ? "h2" : db;
  }

  /**
   * Runs steps of scripts/runtime.sh (e.g. broker-down), failing the test if they fail. Their
   * output is copied line by line to this JVM's standard output, so that it reaches the build log:
   * written to the inherited descriptor it would bypass the test runner's stream and land in a
   * .dumpstream file instead.
   */
  static void run(String... steps) {
    run(Duration.ofSeconds(120), steps);
  }

  /** Runs steps of scripts/runtime.sh that may take longer (a cluster's start). */
  static void run(Duration atMost, String... steps) {
    Path script = Path.of("..", "scripts", "runtime.sh").toAbsolutePath().normalize();
    List<String> command = new ArrayList<>(List.of("bash", script.toString()));
    command.addAll(List.of(steps));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("RUNTIME_DIR", dir().toString());
    try {
      Process process = builder.start();
      Thread copy =
          new Thread(
              () -> {
                try (BufferedReader output = process.inputReader()) {
                  output.lines().forEach(System.out::println);
                } catch (IOException e) {
                  System.out.println("[runtime] output lost: " + e);
                }
              });
      copy.start();
      boolean ended = process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS);
      if (!ended) {
        process.destroyForcibly();
      }
      copy.join(5_000);
      if (!ended || process.exitValue() != 0) {
        throw new IllegalStateException("runtime.sh " + String.join(" ", steps) + " failed");
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
