package bank.complaints.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bank.complaints.audit.RequestTrace;
import bank.complaints.outbox.OutboxRelay;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Exchanger;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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

  /** Stands in for the database: keeps each submission's registration by its key. */
  abstract static class RecordingWriter extends IntakeService {
    final Map<String, Registration> written = new ConcurrentHashMap<>();

    /** The group's registrations, each submission written once. */
    List<Registration> record(List<GroupCommit.Submission> group) {
      List<Registration> registered = new ArrayList<>();
      for (GroupCommit.Submission s : group) {
        Registration r = new Registration.Created(null, null);
        assertEquals(null, written.putIfAbsent(s.idempotencyKey(), r), "written twice");
        registered.add(r);
      }
      return registered;
    }
  }

  /** Each group takes about a millisecond, as a small write does. */
  static final class SlowWriter extends RecordingWriter {
    final AtomicInteger groups = new AtomicInteger();
    final AtomicInteger concurrent = new AtomicInteger();
    final AtomicInteger mostConcurrent = new AtomicInteger();

    @Override
    public List<Registration> registerAll(List<GroupCommit.Submission> group) {
      mostConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
      try {
        groups.incrementAndGet();
        TimeUnit.MICROSECONDS.sleep(800);
        return record(group);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      } finally {
        concurrent.decrementAndGet();
      }
    }
  }

  /**
   * Stands in for a database that writes a group only beside another: each group waits up to {@link
   * #PARTNER_WAIT} for a second one to be written at the same time. A group that waited in vain
   * while submissions were still queued shows a writer's turn left free while they waited.
   */
  static final class PairedWriter extends RecordingWriter {
    static final Duration PARTNER_WAIT = Duration.ofMillis(300);
    final int submitted;
    final Exchanger<Object> partner = new Exchanger<>();
    final AtomicInteger groups = new AtomicInteger();
    final AtomicInteger aloneWhileQueued = new AtomicInteger();

    PairedWriter(int submitted) {
      this.submitted = submitted;
    }

    @Override
    public List<Registration> registerAll(List<GroupCommit.Submission> group) {
      groups.incrementAndGet();
      try {
        partner.exchange(group, PARTNER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        // Every submission was queued at the start; none is written meanwhile (this group is the
        // only one being written), so what is neither written nor in it is still queued.
        if (submitted - written.size() - group.size() > 0) {
          aloneWhileQueued.incrementAndGet();
        }
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
      return record(group);
    }
  }

  private static GroupCommit groupCommit(IntakeService writer, int size) {
    GroupCommit commit = new GroupCommit();
    commit.intake = writer;
    commit.trace = new RequestTrace();
    commit.relay = new OutboxRelay(); // no request thread here holds rows: nothing to send
    commit.size = size;
    commit.writers = 2;
    commit.groupSizes = new Sizes();
    commit.safetyNetNanos = TimeUnit.HOURS.toNanos(1);
    commit.start();
    return commit;
  }

  @Test
  void everyWaitingRequestIsAnsweredByTheHandOffOfTurnsAlone() {
    SlowWriter writer = new SlowWriter();
    GroupCommit commit = groupCommit(writer, 16);
    allAtOnce(
        REQUESTS,
        request -> {
          for (int i = 0; i < SUBMISSIONS_EACH; i++) {
            String key = request + "-" + i;
            Registration answer = commit.register(null, key);
            assertSame(writer.written.get(key), answer, "another request's answer");
          }
        });
    assertEquals(REQUESTS * SUBMISSIONS_EACH, writer.written.size());
    assertTrue(writer.mostConcurrent.get() <= 2, "more groups at once than writers");
    assertTrue(
        writer.groups.get() < REQUESTS * SUBMISSIONS_EACH,
        "submissions waiting together are written together");
  }

  /**
   * Two writers give their turns back at the same moment, each group having waited for the other,
   * while more submissions wait than one group holds: both turns are taken up again at once, by two
   * requests. Offered both to the queue's head, one turn stayed free until the next request came,
   * and here none comes; that takes the second writer looking at the queue before the head, woken
   * by the first, has taken its group, a race the previous code lost in 7 runs of this test in 35.
   */
  @Test
  void twoTurnsGivenBackAtOnceAreTakenUpByTwoRequests() {
    int requestCount = 400;
    PairedWriter writer = new PairedWriter(requestCount);
    GroupCommit commit = groupCommit(writer, 2);
    allAtOnce(
        requestCount,
        request -> {
          String key = "paired-" + request;
          Registration answer = commit.register(null, key);
          assertSame(writer.written.get(key), answer, "another request's answer");
        });
    assertEquals(requestCount, writer.written.size());
    assertEquals(
        0,
        writer.aloneWhileQueued.get(),
        "groups written alone while submissions were queued, of " + writer.groups.get());
  }

  /** One request's thread: its number, from 0. */
  private interface Request {
    void run(int request) throws Exception;
  }

  /**
   * Runs the requests on threads of their own, all let go at once, and waits for every one of them
   * (a minute at most: a request that no writer wakes hangs).
   */
  private static void allAtOnce(int count, Request request) {
    ExecutorService requests = Executors.newFixedThreadPool(count);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (int r = 0; r < count; r++) {
        int number = r;
        done.add(
            requests.submit(
                () -> {
                  start.await();
                  request.run(number);
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
