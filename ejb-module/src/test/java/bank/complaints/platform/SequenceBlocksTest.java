package bank.complaints.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.SequenceGenerator;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * EclipseLink hands out as ids the {@code allocationSize} values that end at what a nextval
 * returned: an entity whose allocationSize is larger than its sequence's increment would hand out
 * ids already handed out. Each generator's size must be the increment the migrations leave its
 * sequence with (V42 raised six of them to 1,000, issue 18).
 */
class SequenceBlocksTest {

  private static final Pattern CREATE =
      Pattern.compile(
          "create sequence (\\w+)(?: start with \\d+)? increment by (\\d+)",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern ALTER =
      Pattern.compile("alter sequence (\\w+) increment by (\\d+)", Pattern.CASE_INSENSITIVE);

  @Test
  void everyIdGeneratorTakesTheBlockItsSequenceGives() throws IOException, URISyntaxException {
    Map<String, Integer> increments = incrementsAfterAllMigrations();
    JavaClasses classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("bank.complaints");
    Map<String, Integer> sizes = new HashMap<>();
    classes.forEach(
        c ->
            c.getFields().stream()
                .filter(f -> f.isAnnotatedWith(SequenceGenerator.class))
                .map(f -> f.getAnnotationOfType(SequenceGenerator.class))
                .forEach(g -> sizes.put(g.sequenceName(), g.allocationSize())));
    assertTrue(sizes.size() >= 13, "the entities' id generators found: " + sizes);
    sizes.forEach(
        (sequence, size) -> {
          Integer increment = increments.get(sequence);
          assertNotNull(increment, "no migration creates " + sequence);
          assertEquals(increment, size, sequence + ": allocationSize against its increment");
        });
    assertEquals(1000, sizes.get("case_event_seq"), "V42");
  }

  /** Each sequence's increment once the migrations ran, in their version order. */
  private static Map<String, Integer> incrementsAfterAllMigrations()
      throws IOException, URISyntaxException {
    // The main resources' directory (the tests' classes have a db/migration/common of their own).
    Path dir =
        Path.of(
                SequenceBlocksTest.class
                    .getClassLoader()
                    .getResource("db/migration/common/V1__complaint_intake_and_outbox.sql")
                    .toURI())
            .getParent();
    List<Path> scripts;
    try (Stream<Path> files = Files.list(dir)) {
      scripts =
          files
              .filter(p -> p.getFileName().toString().matches("V\\d+__.*\\.sql"))
              .sorted(Comparator.comparingInt(SequenceBlocksTest::version))
              .toList();
    }
    Map<String, Integer> increments = new HashMap<>();
    for (Path script : scripts) {
      String sql = Files.readString(script);
      for (Pattern p : List.of(CREATE, ALTER)) {
        Matcher m = p.matcher(sql);
        while (m.find()) {
          increments.put(m.group(1).toLowerCase(), Integer.parseInt(m.group(2)));
        }
      }
    }
    return increments;
  }

  private static int version(Path script) {
    String name = script.getFileName().toString();
    return Integer.parseInt(name.substring(1, name.indexOf("__")));
  }
}
