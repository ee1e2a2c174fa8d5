package bank.complaints.api.v1.complaint;

import bank.complaints.complaint.ComplaintPage;
import bank.complaints.insight.Memberships.Membership;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a complaint search, newest first. */
@Schema(name = "ComplaintSearchResult")
public record ComplaintSearchView(
    List<ComplaintView> items,
    @Schema(example = "0") int page,
    @Schema(example = "20") int size,
    @Schema(
            description =
                "How many complaints matched, counted up to the search's window (10,000 by"
                    + " default): exactly when totalExact, otherwise at least this many",
            example = "57")
        long total,
    @Schema(
            description =
                "Whether total is every match; false when the search matched more than its"
                    + " window, whose pages are all it shows (narrow the search to see the others)",
            example = "true")
        boolean totalExact) {

  public static ComplaintSearchView of(
      ComplaintPage page, Map<Long, Membership> memberships, ZoneId bankZone) {
    return new ComplaintSearchView(
        page.items().stream()
            .map(c -> ComplaintView.of(c, memberships.get(c.id().value()), bankZone))
            .toList(),
        page.page(),
        page.size(),
        page.total(),
        page.totalExact());
  }
}
