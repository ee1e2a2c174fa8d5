import java.util.concurrent.locks.LockSupport;

/**
 * What a thread hand-off and a system call cost this machine's CPU (issue 18), without any of the
 * project's code: the physical price of the hand-offs a registration's design needs (the request
 * thread, the database's backend and each round trip to it, the relay's thread, the broker's
 * threads, the department's consumer).
 *
 * <p>Two threads hand a turn to each other ({@code LockSupport.park} / {@code unpark}: a futex
 * wake and wait, and a context switch per hand-off), back to back or with a sleep of the first
 * thread before each of its turns (the machine idle between hand-offs, as at a moderate load; the
 * sleep's own system calls are counted with the hand-off). Reports the process's CPU time per
 * hand-off, both threads' together, and the CPU time of one {@code sched_yield} system call
 * ({@code Thread.yield} with nothing else to run). Multiply a hand-off by the context switches per
 * complaint that {@code bench/round-trips.sh} counts.
 *
 * <pre>
 *   java -XX:+UseSerialGC bench/HandOff.java [hand-offs]     # default 100,000 per figure
 * </pre>
 */
public class HandOff {

  private static final long[] GAPS_MICROS = {0, 100, 1_000};

  private static volatile int turn;

  public static void main(String[] args) throws InterruptedException {
    int handOffs = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    System.out.printf("%d cores%n", Runtime.getRuntime().availableProcessors());
    pingPong(10_000, 0); // compiled before measuring
    for (long gap : GAPS_MICROS) {
      int n = gap == 0 ? handOffs : Math.max(1_000, handOffs / 10);
      System.out.printf(
          "hand-off, %5d us idle before each of one thread's turns: %.1f us of CPU (%d hand-offs)%n",
          gap, pingPong(n, gap * 1_000), n);
    }
    long before = cpuNanos();
    for (int i = 0; i < handOffs; i++) {
      Thread.yield();
    }
    System.out.printf(
        "system call (sched_yield): %.2f us of CPU (%d calls)%n",
        (cpuNanos() - before) / 1e3 / handOffs, handOffs);
  }

  /** CPU microseconds per hand-off, both threads' time together. */
  private static double pingPong(int handOffs, long gapNanos) throws InterruptedException {
    turn = 0;
    Thread[] threads = new Thread[2];
    for (int k = 0; k < 2; k++) {
      int me = k;
      threads[k] =
          new Thread(
              () -> {
                for (int i = me; i < handOffs; i += 2) {
                  while (turn != me) {
                    LockSupport.park();
                  }
                  if (me == 0 && gapNanos > 0) {
                    LockSupport.parkNanos(gapNanos);
                  }
                  turn = 1 - me;
                  LockSupport.unpark(threads[1 - me]);
                }
              });
    }
    long before = cpuNanos();
    for (Thread t : threads) {
      t.start();
    }
    for (Thread t : threads) {
      t.join();
    }
    return (cpuNanos() - before) / 1e3 / handOffs;
  }

  private static long cpuNanos() {
    return ProcessHandle.current().info().totalCpuDuration().orElseThrow().toNanos();
  }
}
