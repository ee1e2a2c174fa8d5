import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.locks.LockSupport;

/**
 * What the same work costs this machine when it comes in bursts between idle gaps (issue 18).
 *
 * <p>One unit of work is 60,000 reads at pseudo-random places of an int array of a given size; a
 * thread does 2,000 units back to back, or with a sleep of a given length after each, and reports
 * the thread's CPU time per unit. Nothing else of this project runs in it: if a unit costs more
 * with gaps, a server that works a request at a time between idle moments (a moderate load) pays
 * more CPU per request than one kept busy (saturation), whatever its code.
 *
 * <pre>
 *   java bench/DutyCycle.java [array KB ...]      # default: 16 (fits the core's cache) and 16384
 * </pre>
 */
public class DutyCycle {

  private static final long[] GAPS_MICROS = {0, 100, 1_000, 3_000};
  private static final int UNITS = 2_000;
  private static final int ROUNDS = 3;
  private static long sink;

  public static void main(String[] args) {
    int[] sizesKb = args.length == 0 ? new int[] {16, 16_384} : parse(args);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    System.out.printf("%d cores; CPU microseconds per unit (60,000 reads), %d units per figure%n",
        Runtime.getRuntime().availableProcessors(), UNITS);
    for (int kb : sizesKb) {
      int[] array = new int[Integer.highestOneBit(kb * 256)];
      for (int i = 0; i < array.length; i++) {
        array[i] = i;
      }
      for (int i = 0; i < 3_000; i++) {
        unit(array); // compiled and the array touched before measuring
      }
      StringBuilder line = new StringBuilder(String.format("array %6d KB:", array.length / 256));
      for (long gap : GAPS_MICROS) {
        double best = Double.MAX_VALUE;
        double worst = 0;
        for (int round = 0; round < ROUNDS; round++) {
          long before = threads.getCurrentThreadCpuTime();
          for (int i = 0; i < UNITS; i++) {
            unit(array);
            if (gap > 0) {
              LockSupport.parkNanos(gap * 1_000);
            }
          }
          double perUnit = (threads.getCurrentThreadCpuTime() - before) / 1_000.0 / UNITS;
          best = Math.min(best, perUnit);
          worst = Math.max(worst, perUnit);
        }
        line.append(String.format("  gap %4d us: %5.1f - %5.1f", gap, best, worst));
      }
      System.out.println(line);
    }
    if (sink == 42) {
      System.out.println();
    }
  }

  private static void unit(int[] array) {
    int mask = array.length - 1;
    long sum = 0;
    int j = 17;
    for (int i = 0; i < 60_000; i++) {
      j = (j * 1103515245 + 12345) & mask;
      sum += array[j];
    }
    sink += sum;
  }

  private static int[] parse(String[] args) {
    int[] sizes = new int[args.length];
    for (int i = 0; i < args.length; i++) {
      sizes[i] = Integer.parseInt(args[i]);
    }
    return sizes;
  }
}
