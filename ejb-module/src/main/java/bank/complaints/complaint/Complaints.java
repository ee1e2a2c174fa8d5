package bank.complaints.complaint;

import bank.complaints.department.DepartmentCode;
import bank.complaints.grading.CauseTag;
import bank.complaints.platform.SqlValues;
import bank.complaints.platform.TransactionLocal;
import bank.complaints.privacy.PersonalDataKeys;
import bank.complaints.privacy.Sealed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.persistence.config.ExclusiveConnectionMode;
import org.eclipse.persistence.config.PersistenceUnitProperties;

/**
 * The complaints the bank holds: found by number (to read, or locked to change), their ownership
 * for access checks, and the staff search. Every capability reads complaints through here.
 *
 * <p>A CDI bean, not an EJB (issue 18: a progress read called it through the EJB container, and the
 * container's invocation, security check and proxies cost more than its statement). Its reads join
 * the caller's transaction when there is one and need none otherwise; a lock is the caller's
 * transaction's ({@link EntityManager#lock} refuses without one); the search has its own, so that
 * the page and its lists are read in one persistence context. A {@link
 * bank.complaints.common.DomainException} still rolls the caller's transaction back, as it did
 * through the container: the caller's own boundary does that.
 */
@ApplicationScoped
public class Complaints {

  @Inject EntityManager em;

  @Inject TransactionLocal transactions;

  /** {@link #COLLECTIONS} with each caller's part, made once (the driver caches by the text). */
  private final Map<String, String> statements = new ConcurrentHashMap<>();

  @Inject
  @ConfigProperty(name = "complaints.search.window")
  int searchWindow;

  public Complaint find(ComplaintNumber number) {
    return only(byNumber(em, number), number);
  }

  private static TypedQuery<Complaint> byNumber(EntityManager em, ComplaintNumber number) {
    return em.createQuery("select c from Complaint c where c.number = :number", Complaint.class)
        .setParameter("number", number);
  }

  private static Complaint only(TypedQuery<Complaint> query, ComplaintNumber number) {
    return query
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> new ComplaintNotFoundException(number.value()));
  }

  /**
   * The complaint, to show and not to change (issue 18: the cost of a read): read only, so it is
   * neither copied into the transaction's unit of work nor compared with that copy at commit, and
   * its five lists (accounts, staff, products, cause tags, task force) read in one statement
   * ({@link #COLLECTIONS}) instead of a query each. Nothing may change what this returns: it lives
   * in this transaction's own cache only, or without a transaction in an entity manager closed when
   * this call returns (the persistence unit shares no cache), and its collections are plain lists.
   * Needs no transaction of its own.
   *
   * <p>{@code more} is what the caller reads about the complaint besides, in the same statement as
   * the lists (issue 18: a statement fewer per progress read): a {@code select} in {@link
   * #COLLECTIONS}' columns ({@link ShownRow}), of parts above {@link ShownRow#LAST_LIST}, with
   * {@code ?1} for the complaint's id. Its rows go to {@code moreRows}, in {@link #COLLECTIONS}'
   * order.
   */
  public Complaint toShow(ComplaintNumber number, String more, Consumer<ShownRow> moreRows) {
    EntityManager own =
        transactions.active()
            ? null
            : em.getEntityManagerFactory().createEntityManager(ONE_CONNECTION);
    try {
      return toShow(own == null ? em : own, number, more, moreRows);
    } finally {
      if (own != null) {
        own.close();
      }
    }
  }

  /**
   * An entity manager's statements outside a transaction on one connection, held until it is
   * closed, instead of one taken from the pool for each (issue 18: the pool's hand-out of a
   * connection cost as much of a progress read's CPU as the driver's work for its statement).
   */
  private static final Map<String, Object> ONE_CONNECTION =
      Map.of(PersistenceUnitProperties.EXCLUSIVE_CONNECTION_MODE, ExclusiveConnectionMode.Always);

  private Complaint toShow(
      EntityManager reader, ComplaintNumber number, String more, Consumer<ShownRow> moreRows) {
    Complaint complaint =
        only(byNumber(reader, number).setHint("eclipselink.read-only", "True"), number);
    List<AccountRef> accounts = new ArrayList<>();
    List<InvolvedStaff> staff = new ArrayList<>();
    List<String> products = new ArrayList<>();
    Set<CauseTag> tags = EnumSet.noneOf(CauseTag.class);
    Set<DepartmentCode> taskForce = new HashSet<>();
    Sealed sealed = new Sealed();
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        reader
            .createNativeQuery(statements.computeIfAbsent(more, COLLECTIONS::formatted))
            .setParameter(1, complaint.id().value())
            .getResultList();
    for (Object[] columns : rows) {
      ShownRow row = new ShownRow(columns);
      String first = row.text(1);
      switch (row.part()) {
        case 1 ->
            accounts.add(
                AccountRef.stored(
                    AccountRef.Kind.valueOf(first), sealed.convertToEntityAttribute(row.text(2))));
        case 2 -> staff.add(new InvolvedStaff(first, row.text(2), row.text(3)));
        case 3 -> products.add(first);
        case 4 -> tags.add(CauseTag.valueOf(first));
        case 5 -> taskForce.add(new DepartmentCode(first));
        default -> moreRows.accept(row);
      }
    }
    complaint.shownWith(accounts, staff, products, tags, taskForce);
    return complaint;
  }

  /**
   * A complaint's lists as {@link Complaint} maps them (the same tables and columns), and what the
   * caller of {@link #toShow} adds ({@code %s}), in one statement: the part (1 – 5 the lists), a
   * number (a list's order), two instants, and up to three texts; ordered by part, first instant,
   * number.
   */
  private static final String COLLECTIONS =
      """
      select 1, cast(position as bigint), cast(null as timestamp with time zone),
             cast(null as timestamp with time zone), kind, account_number,
             cast(null as varchar(2000))
        from complaint_account where complaint_id = ?1
      union all
      select 2, position, null, null, name, employee_id, unit
        from complaint_staff where complaint_id = ?1
      union all
      select 3, position, null, null, product, null, null
        from complaint_product where complaint_id = ?1
      union all
      select 4, 0, null, null, tag, null, null from complaint_cause_tag where complaint_id = ?1
      union all
      select 5, 0, null, null, department_code, null, null
        from complaint_task_force where complaint_id = ?1
      union all
      %s
      order by 1, 3, 2""";

  /**
   * One row of {@link #toShow}'s statement: its part, a number, two instants (the first orders the
   * part's rows), and three texts.
   */
  public record ShownRow(Object[] columns) {

    /** The last part that is one of the complaint's own lists; a caller's parts come after. */
    public static final int LAST_LIST = 5;

    public int part() {
      return ((Number) columns[0]).intValue();
    }

    public long number() {
      return ((Number) columns[1]).longValue();
    }

    /** The first (1) or second (2) instant. */
    public Instant instant(int which) {
      return SqlValues.instant(columns[1 + which]);
    }

    /** The first (1), second (2) or third (3) text. */
    public String text(int which) {
      return (String) columns[3 + which];
    }
  }

  /**
   * The complaint, to change it: its row stays locked until the transaction ends, so two steps on
   * one case never interleave (the one locking policy of the case process).
   */
  public Complaint locked(ComplaintNumber number) {
    return lock(find(number));
  }

  /** Locks a complaint already read (after a check that must not wait for the lock). */
  public Complaint lock(Complaint complaint) {
    em.lock(complaint, LockModeType.PESSIMISTIC_WRITE);
    return complaint;
  }

  /** R-S1: the channel and department a complaint belongs to, for access checks. */
  public Optional<CaseOwnership> ownership(ComplaintNumber number) {
    return em.createQuery(
            "select new bank.complaints.complaint.CaseOwnership(c.channel, c.department)"
                + " from Complaint c where c.number = :number",
            CaseOwnership.class)
        .setParameter("number", number)
        .getResultStream()
        .findFirst();
  }

  /**
   * R-P3: staff search, newest first, {@code size} per page, within the search's window (ADR 0010):
   * the total is counted only as far as the window, and only when the page does not show the end.
   */
  @Transactional
  public ComplaintPage search(ComplaintQuery query, int page, int size) {
    SearchWindow window = new SearchWindow(searchWindow);
    int offset = window.offset(page, size);
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<Complaint> select = cb.createQuery(Complaint.class);
    Root<Complaint> complaint = select.from(Complaint.class);
    select
        .where(matching(query, cb, complaint))
        .orderBy(cb.desc(complaint.get("receivedAt")), cb.desc(complaint.get("id")));
    // The listed complaints' collections are read in one query each for the whole page (IN
    // batches), not one query per complaint.
    List<Complaint> items =
        em.createQuery(select)
            .setHint("eclipselink.batch.type", "IN")
            .setHint("eclipselink.batch", "c.accounts")
            .setHint("eclipselink.batch", "c.staffInvolved")
            .setHint("eclipselink.batch", "c.productsInvolved")
            .setHint("eclipselink.batch", "c.causeTags")
            .setFirstResult(offset)
            .setMaxResults(size)
            .getResultList();
    return window.page(
        items,
        page,
        size,
        () -> {
          // Counted by reading ids, which stops after limit + 1 (a count(*) reads every match).
          CriteriaQuery<Long> ids = cb.createQuery(Long.class);
          Root<Complaint> counted = ids.from(Complaint.class);
          ids.select(counted.get("id")).where(matching(query, cb, counted));
          return em.createQuery(ids).setMaxResults(window.limit() + 1).getResultList().size();
        });
  }

  private static Predicate[] matching(
      ComplaintQuery query, CriteriaBuilder cb, Root<Complaint> complaint) {
    List<Predicate> where = new ArrayList<>();
    if (query.status() != null) {
      where.add(cb.equal(complaint.get("status"), query.status()));
    }
    if (query.severity() != null) {
      where.add(cb.equal(complaint.get("severity"), query.severity()));
    }
    if (query.category() != null) {
      where.add(cb.equal(complaint.get("category"), query.category()));
    }
    if (query.channel() != null) {
      where.add(cb.equal(complaint.get("channel"), query.channel()));
    }
    if (query.department() != null) {
      where.add(cb.equal(complaint.get("department"), query.department()));
    }
    if (query.receivedFrom() != null) {
      where.add(
          cb.greaterThanOrEqualTo(
              complaint.get("receivedAt"), query.receivedFrom().atOffset(ZoneOffset.UTC)));
    }
    if (query.receivedTo() != null) {
      where.add(
          cb.lessThan(complaint.get("receivedAt"), query.receivedTo().atOffset(ZoneOffset.UTC)));
    }
    if (query.customerMobile() != null) {
      where.add(
          cb.equal(
              complaint.get("customer").get("mobileHash"),
              PersonalDataKeys.current().lookupHash(query.customerMobile())));
    }
    return where.toArray(Predicate[]::new);
  }
}
