package bank.complaints.complaint;

import java.util.List;

/**
 * One page of a search, newest first, with how many matched: all of them when {@code totalExact},
 * otherwise at least {@code total}, the search's window ({@link SearchWindow}).
 */
public record ComplaintPage(
    List<Complaint> items, int page, int size, long total, boolean totalExact) {}
