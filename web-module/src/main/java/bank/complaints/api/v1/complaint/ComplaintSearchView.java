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
    @Schema(example = "57") long total) {

  public static ComplaintSearchView of(
      ComplaintPage page, Map<Long, Membership> memberships, ZoneId bankZone) {
    return new ComplaintSearchView(
        page.items().stream()
            .map(c -> ComplaintView.of(c, memberships.get(c.id().value()), bankZone))
            .toList(),
        page.page(),
        page.size(),
        page.total());
  }
}
