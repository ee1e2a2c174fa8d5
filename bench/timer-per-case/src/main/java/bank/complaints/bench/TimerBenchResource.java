package bank.complaints.bench;

import jakarta.ejb.EJB;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Application;
import java.time.Instant;

/** Seeds timers and reports how many exist. */
@Path("timers")
public class TimerBenchResource {

  /** The JAX-RS application of the benchmark war. */
  @ApplicationPath("/")
  public static class BenchApplication extends Application {}

  @EJB TimerPerCase timers;

  /**
   * {@code count} timers for cases from {@code firstCase}, the first due {@code startInMillis}
   * from now and the rest {@code spacingMillis} apart; created 1,000 per transaction.
   */
  @POST
  public String create(
      @QueryParam("firstCase") long firstCase,
      @QueryParam("count") int count,
      @QueryParam("startInMillis") long startInMillis,
      @QueryParam("spacingMillis") long spacingMillis) {
    Instant firstDue = Instant.now().plusMillis(startInMillis);
    long started = System.nanoTime();
    for (int done = 0; done < count; done += 1_000) {
      int chunk = Math.min(1_000, count - done);
      timers.create(firstCase + done, chunk, firstDue.plusMillis(done * spacingMillis), spacingMillis);
    }
    return "created " + count + " in " + (System.nanoTime() - started) / 1_000_000 + " ms\n";
  }

  @GET
  public String count() {
    return timers.count() + "\n";
  }
}
