package bank.complaints.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bank.complaints.audit.RequestTrace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.microprofile.metrics.Histogram;
import org.eclipse.microprofile.metrics.Snapshot;
import org.junit.jupiter.api.Test;

/**
 * The group commit's hand-off of turns (issue 18), without a container: a writer that stands in for
 * the database takes a little time per group, and many requests submit at once. The waits' safety
 * net is set to an hour, so a request that no writer wakes would hang the test: every request must
 * be answered by the hand-off alone, with its own registration, written once.
 */
class GroupCommitTest {

  private static final int REQUESTS = 48;
  private static final int SUBMISSIONS_EACH = 40;

  /** Stands in for the database: each group takes about a millisecond, as a small write does. */
  static final class SlowWriter extends IntakeService {
    final Map<String, Registration> written = new ConcurrentHashMap<>();
    final AtomicInteger groups = new AtomicInteger();
    final AtomicInteger concurrent = new AtomicInteger();
    final AtomicInteger mostConcurrent = new AtomicInteger();

    @Override
    public List<Registration> registerAll(List<GroupCommit.Submission> group) {
      mostConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
      try {
        groups.incrementAndGet();
        TimeUnit.MICROSECONDS.sleep(800);
        List<Registration> registered = new ArrayList<>();
        for (GroupCommit.Submission s : group) {
          Registration r = new Registration.Created(null, null);
          assertEquals(null, written.putIfAbsent(s.idempotencyKey(), r), "written twice");
          registered.add(r);
        }
        return registered;
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      } finally {
        concurrent.decrementAndGet();
      }
    }
  }

  private static GroupCommit groupCommit(SlowWriter writer) {
    GroupCommit commit = new GroupCommit();
    commit.intake = writer;
    commit.trace = new RequestTrace();
    commit.size = 16;
    commit.writers = 2;
    commit.groupSizes = new Sizes();
    commit.safetyNetNanos = TimeUnit.HOURS.toNanos(1);
    commit.start();
    return commit;
  }

  @Test
  void everyWaitingRequestIsAnsweredByTheHandOffOfTurnsAlone() throws Exception {
    SlowWriter writer = new SlowWriter();
    GroupCommit commit = groupCommit(writer);
    ExecutorService requests = Executors.newFixedThreadPool(REQUESTS);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (int r = 0; r < REQUESTS; r++) {
        int request = r;
        done.add(
            requests.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < SUBMISSIONS_EACH; i++) {
                    String key = request + "-" + i;
                    Registration answer = commit.register(null, key);
                    assertSame(writer.written.get(key), answer, "another request's answer");
                  }
                  return null;
                }));
      }
      start.countDown();
      assertTimeoutPreemptively(
          Duration.ofSeconds(60),
          () -> {
            for (Future<?> f : done) {
              f.get();
            }
          },
          "a waiting request was never woken");
    } finally {
      requests.shutdownNow();
    }
    assertEquals(REQUESTS * SUBMISSIONS_EACH, writer.written.size());
    assertTrue(writer.mostConcurrent.get() <= 2, "more groups at once than writers");
    assertTrue(
        writer.groups.get() < REQUESTS * SUBMISSIONS_EACH,
        "submissions waiting together are written together");
  }

  /** The group-size histogram: only counted here. */
  private static final class Sizes implements Histogram {
    private final LongAdder count = new LongAdder();
    private final LongAdder sum = new LongAdder();

    @Override
    public void update(int value) {
      update((long) value);
    }

    @Override
    public void update(long value) {
      count.increment();
      sum.add(value);
    }

    @Override
    public long getCount() {
      return count.sum();
    }

    @Override
    public long getSum() {
      return sum.sum();
    }

    @Override
    public Snapshot getSnapshot() {
      throw new UnsupportedOperationException();
    }
  }
}
