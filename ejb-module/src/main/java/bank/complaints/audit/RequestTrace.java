package bank.complaints.audit;

import java.util.UUID;

/**
 * Who is calling and under which request id, for the audit log. The API boundary fills it in from
 * the bearer token and the {@code X-Request-Id} header; work the system starts by itself (timers,
 * queue listeners) is the {@value #SYSTEM} principal under an id of its own. Request-scoped, made
 * by {@link RequestTraces}.
 */
public class RequestTrace {

  public static final String SYSTEM = "system";

  private String requestId;
  private String principal;

  public void identify(String requestId, String principal) {
    this.requestId = requestId;
    this.principal = principal;
  }

  public String requestId() {
    if (requestId == null) {
      requestId = UUID.randomUUID().toString();
    }
    return requestId;
  }

  public String principal() {
    return principal == null ? SYSTEM : principal;
  }

  /**
   * Work this thread does for another request (the intake's group commit writes other requests'
   * registrations): audited under that request's id and principal until the returned scope is
   * closed, then under this request's own again.
   */
  public Scope actFor(String otherRequestId, String otherPrincipal) {
    String ownId = requestId();
    String ownPrincipal = principal;
    identify(otherRequestId, otherPrincipal);
    return () -> identify(ownId, ownPrincipal);
  }

  /** The span of {@link #actFor}; closing it restores the request's own trace. */
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }
}
