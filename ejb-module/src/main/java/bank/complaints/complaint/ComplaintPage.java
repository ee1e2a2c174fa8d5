package bank.complaints.complaint;

import java.util.List;

/** One page of a search, newest first, with the total that matched. */
public record ComplaintPage(List<Complaint> items, int page, int size, long total) {}
