package bank.complaints.complaint;

import bank.complaints.department.DepartmentCode;
import bank.complaints.grading.CauseTag;
import bank.complaints.privacy.PersonalDataKeys;
import bank.complaints.privacy.Sealed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The complaints the bank holds: found by number (to read, or locked to change), their ownership
 * for access checks, and the staff search. Every capability reads complaints through here.
 */
@Stateless
public class Complaints {

  @PersistenceContext(unitName = "complaints")
  EntityManager em;

  @Inject
  @ConfigProperty(name = "complaints.search.window")
  int searchWindow;

  public Complaint find(ComplaintNumber number) {
    return only(byNumber(number), number);
  }

  private TypedQuery<Complaint> byNumber(ComplaintNumber number) {
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
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Complaint toShow(ComplaintNumber number) {
    Complaint complaint = only(byNumber(number).setHint("eclipselink.read-only", "True"), number);
    List<AccountRef> accounts = new ArrayList<>();
    List<InvolvedStaff> staff = new ArrayList<>();
    List<String> products = new ArrayList<>();
    Set<CauseTag> tags = EnumSet.noneOf(CauseTag.class);
    Set<DepartmentCode> taskForce = new HashSet<>();
    Sealed sealed = new Sealed();
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(COLLECTIONS).setParameter(1, complaint.id().value()).getResultList();
    for (Object[] row : rows) {
      String first = (String) row[2];
      switch (((Number) row[0]).intValue()) {
        case 1 ->
            accounts.add(
                AccountRef.stored(
                    AccountRef.Kind.valueOf(first),
                    sealed.convertToEntityAttribute((String) row[3])));
        case 2 -> staff.add(new InvolvedStaff(first, (String) row[3], (String) row[4]));
        case 3 -> products.add(first);
        case 4 -> tags.add(CauseTag.valueOf(first));
        case 5 -> taskForce.add(new DepartmentCode(first));
        default -> throw new IllegalStateException("unknown collection " + row[0]);
      }
    }
    complaint.shownWith(accounts, staff, products, tags, taskForce);
    return complaint;
  }

  /**
   * A complaint's lists as {@link Complaint} maps them (the same tables and columns), in one
   * statement: which collection, its order, and up to three values.
   */
  private static final String COLLECTIONS =
      """
      select 1, position, kind, account_number, cast(null as varchar(100))
        from complaint_account where complaint_id = ?1
      union all
      select 2, position, name, employee_id, unit from complaint_staff where complaint_id = ?1
      union all
      select 3, position, product, cast(null as varchar(200)), cast(null as varchar(100))
        from complaint_product where complaint_id = ?1
      union all
      select 4, 0, tag, cast(null as varchar(200)), cast(null as varchar(100))
        from complaint_cause_tag where complaint_id = ?1
      union all
      select 5, 0, department_code, cast(null as varchar(200)), cast(null as varchar(100))
        from complaint_task_force where complaint_id = ?1
      order by 1, 2""";

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
