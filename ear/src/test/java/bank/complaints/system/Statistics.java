package bank.complaints.system;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;

/** The statistics lag the cases by a refresh: waiting for it. */
final class Statistics {

  private Statistics() {}

  /** Waits until the refresher has taken every mark waiting now. */
  static void awaitRefresh(Duration atMost) throws InterruptedException {
    long deadline = System.nanoTime() + atMost.toNanos();
    while (Database.count("select count(*) from stat_pending") > 0) {
      if (System.nanoTime() > deadline) {
        fail("statistics still pending after " + atMost);
      }
      Thread.sleep(300);
    }
  }
}
