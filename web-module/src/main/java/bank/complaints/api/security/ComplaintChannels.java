package bank.complaints.api.security;

import bank.complaints.complaint.CaseOwnership;
import bank.complaints.complaint.Channel;
import bank.complaints.complaint.ComplaintNumber;
import bank.complaints.complaint.Complaints;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * R-S1: the channel each complaint came in by, remembered for the access check of a channel system,
 * whose reach depends on nothing else (issue 18: a channel polling its cases' progress paid a
 * transaction and a query for it on every read). A remembered answer stays true on every server of
 * a cluster: a complaint's channel is never changed (its column is not updatable) and a number is
 * never given to another complaint. Unknown numbers are not remembered. Bounded: past {@link
 * #LIMIT} numbers it starts again.
 */
@ApplicationScoped
public class ComplaintChannels {

  static final int LIMIT = 50_000;

  private final ConcurrentMap<ComplaintNumber, Channel> known = new ConcurrentHashMap<>();

  @Inject Complaints complaints;

  Optional<Channel> of(ComplaintNumber number) {
    Channel channel = known.get(number);
    if (channel != null) {
      return Optional.of(channel);
    }
    Optional<Channel> found = complaints.ownership(number).map(CaseOwnership::channel);
    found.ifPresent(
        it -> {
          if (known.size() >= LIMIT) {
            known.clear();
          }
          known.put(number, it);
        });
    return found;
  }
}
