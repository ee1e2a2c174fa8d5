package bank.complaints.audit;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * R-S3: the chain's head, written at intervals outside the database — appended, one line each, to
 * {@code complaints.audit.checkpoint-file} with a MAC under the audit key — so that removing the
 * newest links (and rewinding the head to match) is detected: the chain must still reach every
 * checkpoint, with the same hash there. Each server keeps its own file; operations may ship it to
 * write-once storage.
 */
@ApplicationScoped
public class AuditCheckpoints {

  /** A checkpoint: the chain had this many links, ending in this hash, at this time. */
  public record Checkpoint(long seq, String hash, String at) {}

  @Inject
  @ConfigProperty(name = "complaints.audit.checkpoint-file")
  String file;

  @Inject ChainHash chainHash;
  @Inject Clock clock;

  /** Enough of the file's end for the last checkpoints (a line is about 160 bytes). */
  private static final int TAIL_BYTES = 16 * 1024;

  private Path path;

  @PostConstruct
  void init() {
    path = Path.of(file);
  }

  /** Appends the head, unless the last checkpoint already holds it. */
  public synchronized void write(long seq, String hash) {
    if (seq == 0 || latest().map(c -> c.seq() == seq && c.hash().equals(hash)).orElse(false)) {
      return;
    }
    String at = clock.instant().toString();
    String line = seq + " " + hash + " " + at + " " + chainHash.checkpointOf(seq, hash, at) + "\n";
    try {
      Files.createDirectories(path.toAbsolutePath().getParent());
      Files.writeString(
          path,
          line,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND,
          StandardOpenOption.SYNC);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the audit checkpoint " + path, e);
    }
  }

  /**
   * The newest checkpoint whose MAC holds (a line that does not hold is not a checkpoint), read
   * from the file's end: the file grows by a line a minute.
   */
  public synchronized Optional<Checkpoint> latest() {
    if (!Files.exists(path)) {
      return Optional.empty();
    }
    List<String> lines;
    try (RandomAccessFile tail = new RandomAccessFile(path.toFile(), "r")) {
      long start = Math.max(0, tail.length() - TAIL_BYTES);
      byte[] bytes = new byte[(int) (tail.length() - start)];
      tail.seek(start);
      tail.readFully(bytes);
      lines = List.of(new String(bytes, StandardCharsets.UTF_8).split("\n"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the audit checkpoints " + path, e);
    }
    for (int i = lines.size() - 1; i >= 0; i--) {
      String[] part = lines.get(i).strip().split(" ");
      if (part.length == 4 && part[0].matches("\\d{1,18}")) {
        long seq = Long.parseLong(part[0]);
        if (chainHash.checkpointOf(seq, part[1], part[2]).equals(part[3])) {
          return Optional.of(new Checkpoint(seq, part[1], part[2]));
        }
      }
    }
    return Optional.empty();
  }
}
