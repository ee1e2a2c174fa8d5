package bank.complaints.evidence;

import bank.complaints.common.InvalidRequestException;
import bank.complaints.common.NotFoundException;
import bank.complaints.common.RuleViolationException;
import bank.complaints.complaint.Complaint;
import bank.complaints.complaint.ComplaintNumber;
import bank.complaints.complaint.ComplaintStatus;
import bank.complaints.complaint.Complaints;
import bank.complaints.timeline.CaseEventKind;
import bank.complaints.timeline.Timeline;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * R-I5: registers a case's evidence items, numbering them per case, and checks the chain later: an
 * uploaded file's bytes against the SHA-256 recorded when it came in.
 */
@Stateless
public class EvidenceLocker {

  @PersistenceContext(unitName = "complaints")
  EntityManager em;

  @Inject Complaints complaints;

  @Inject EvidencePolicy policy;

  @Inject Timeline timeline;

  @Inject Clock clock;

  /**
   * R-I5: registers an evidence item on the case: an uploaded file (its SHA-256 recorded), an
   * external link, or an item listed to follow.
   */
  public EvidenceItem register(
      ComplaintNumber number, NewEvidence evidence, UploadedFile file, String by) {
    return register(complaints.find(number), evidence, file, by);
  }

  public List<EvidenceItem> of(ComplaintNumber number) {
    return of(complaints.find(number));
  }

  /** An item and its bytes. */
  public record EvidenceFile(EvidenceItem item, byte[] content) {}

  public EvidenceFile file(ComplaintNumber number, int item) {
    EvidenceItem found = item(complaints.find(number), item);
    return new EvidenceFile(found, content(found));
  }

  /** R-I5: the chain of evidence checked: every uploaded file against its recorded SHA-256. */
  public List<Check> verify(ComplaintNumber number) {
    return verify(complaints.find(number));
  }

  /**
   * Registers one item on a case.
   *
   * @param file the uploaded bytes, or null for a link or an item listed to follow
   */
  public EvidenceItem register(
      Complaint complaint, NewEvidence evidence, UploadedFile file, String registeredBy) {
    if (file != null) {
      policy.check(file);
    }
    // Numbers are handed out under the case's row lock: two uploads at once get 1 and 2.
    em.lock(complaint, LockModeType.PESSIMISTIC_WRITE);
    Instant now = clock.instant();
    EvidenceItem item;
    try {
      item =
          EvidenceItem.register(
              complaint.id(), nextNumber(complaint), evidence, file, registeredBy, now);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(e.getMessage() + ".");
    }
    em.persist(item);
    if (file != null) {
      em.flush(); // the item's id keys its content
      em.persist(new EvidenceContent(item.id(), file.content()));
    }
    timeline.record(
        complaint.id(),
        CaseEventKind.EVIDENCE_REGISTERED,
        registeredBy,
        "证据 "
            + item.number()
            + " 已登记 Evidence item "
            + item.number()
            + " registered: "
            + evidence.kind()
            + (file == null ? "" : ", SHA-256 " + item.sha256()),
        evidence.source() == EvidenceSource.CUSTOMER);
    return item;
  }

  /**
   * R-I5: the items a submission lists (links, or files to follow), numbered from 1 on a complaint
   * that is being registered in this transaction (no one else can see it yet, so no lock).
   */
  public void registerListed(Complaint registering, List<NewEvidence> listed, String by) {
    if (listed.isEmpty()) {
      return;
    }
    // The items refer to the complaint by id, not by relationship, so the unit of work would not
    // know to insert the complaint first.
    em.flush();
    Instant now = clock.instant();
    int number = 0;
    for (NewEvidence evidence : listed) {
      EvidenceItem item =
          EvidenceItem.register(registering.id(), ++number, evidence, null, by, now);
      em.persist(item);
    }
    timeline.record(
        registering.id(),
        CaseEventKind.EVIDENCE_REGISTERED,
        by,
        "证据清单已登记 " + listed.size() + " evidence item(s) listed with the complaint.",
        true);
  }

  /**
   * R-I5: the number the next item of a case gets, counted from its items (under the case's row
   * lock, taken by the caller): an archived case's file is frozen.
   */
  private int nextNumber(Complaint complaint) {
    if (complaint.status() == ComplaintStatus.ARCHIVED) {
      throw new RuleViolationException(
          "Complaint "
              + complaint.number().value()
              + " is archived and its file frozen: no evidence.");
    }
    Integer last =
        em.createQuery(
                "select max(e.number) from EvidenceItem e where e.complaintId = :id", Integer.class)
            .setParameter("id", complaint.id().value())
            .getSingleResult();
    return last == null ? 1 : last + 1;
  }

  /** The case's items, in number order (never their bytes). */
  public List<EvidenceItem> of(Complaint complaint) {
    return em.createQuery(
            "select e from EvidenceItem e where e.complaintId = :id order by e.number",
            EvidenceItem.class)
        .setParameter("id", complaint.id().value())
        .getResultList();
  }

  public EvidenceItem item(Complaint complaint, int number) {
    return em.createQuery(
            "select e from EvidenceItem e where e.complaintId = :id and e.number = :number",
            EvidenceItem.class)
        .setParameter("id", complaint.id().value())
        .setParameter("number", number)
        .getResultStream()
        .findFirst()
        .orElseThrow(
            () ->
                new NotFoundException(
                    "Complaint " + complaint.number() + " has no evidence item " + number + "."));
  }

  /** The uploaded bytes of an item. */
  public byte[] content(EvidenceItem item) {
    EvidenceContent content = item.hasFile() ? em.find(EvidenceContent.class, item.id()) : null;
    if (content == null) {
      throw new NotFoundException(
          "Evidence item " + item.number() + " has no uploaded file (it is a link or to follow).");
    }
    try {
      return content.content();
    } catch (IllegalStateException e) {
      throw new RuleViolationException(
          "Evidence item "
              + item.number()
              + " failed its integrity check: the stored file was altered. Verify the evidence"
              + " register and restore the file from the backup.");
    }
  }

  /** The outcome of checking one item: intact when its bytes still hash to what was recorded. */
  public record Check(EvidenceItem item, boolean intact) {}

  /**
   * Checks every uploaded file of the case against the SHA-256 recorded at registration, one at a
   * time so that a case with many large files is never held in memory at once.
   */
  public List<Check> verify(Complaint complaint) {
    return of(complaint).stream()
        .filter(EvidenceItem::hasFile)
        .map(
            item -> {
              EvidenceContent content = em.find(EvidenceContent.class, item.id());
              boolean intact = content != null && opensTo(item, content);
              em.detach(content == null ? item : content);
              return new Check(item, intact);
            })
        .toList();
  }

  private static boolean opensTo(EvidenceItem item, EvidenceContent content) {
    try {
      return item.matches(content.content());
    } catch (IllegalStateException altered) {
      return false;
    }
  }
}
