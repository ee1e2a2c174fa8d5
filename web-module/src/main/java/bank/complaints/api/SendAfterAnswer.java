package bank.complaints.api;

import bank.complaints.outbox.OutboxMessage;
import bank.complaints.outbox.OutboxRelay;
import jakarta.inject.Inject;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import java.io.IOException;
import java.util.List;

/**
 * The messages an API request's transactions commit (a registration's task and notice) go to the
 * broker from the request's own thread, once its answer is out: the department's wait holds no
 * hand-off to the relay's thread, and the channel's answer waits for no broker (issue 18). A
 * request that ends in an exception leaves its rows to the relay, as before.
 */
@WebFilter(urlPatterns = "/api/*")
public class SendAfterAnswer implements Filter {

  @Inject OutboxRelay relay;

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    OutboxRelay.hold();
    boolean answered = false;
    try {
      chain.doFilter(request, response);
      answered = true;
    } finally {
      List<OutboxMessage> rows = OutboxRelay.release();
      if (!rows.isEmpty()) {
        if (answered) {
          send(response, rows);
        } else {
          relay.handOver(rows); // not answered yet: the relay's thread sends them
        }
      }
    }
  }

  private void send(ServletResponse response, List<OutboxMessage> rows) {
    try {
      response.flushBuffer(); // the answer first
    } catch (IOException callerGone) {
      // committed all the same: its messages go
    }
    relay.send(rows);
  }
}
