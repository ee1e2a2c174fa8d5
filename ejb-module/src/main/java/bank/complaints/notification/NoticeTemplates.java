package bank.complaints.notification;

import bank.complaints.audit.Audited;
import bank.complaints.common.InvalidRequestException;
import bank.complaints.common.NotFoundException;
import bank.complaints.complaint.Complaint;
import bank.complaints.platform.ReferenceData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The customer notices as the bank words them: templates kept as data ({@code notice_template}),
 * read through the reference-data cache, filled in once per notice (what a customer wrote is never
 * read as a placeholder).
 */
@ApplicationScoped
public class NoticeTemplates {

  private static final String REFERENCE = "notice-templates";

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

  @Inject EntityManager em;

  @Inject ReferenceData reference;

  @Inject Clock clock;

  /**
   * The notice's text for this complaint.
   *
   * @param values the notice's own placeholders (not {@code number}), each with its value
   */
  public String text(Notice notice, Complaint complaint, Map<String, ?> values) {
    Map<String, Object> all = new HashMap<>(values);
    all.put("number", complaint.number().value());
    if (!all.keySet().equals(new HashSet<>(notice.placeholders()))) {
      throw new IllegalStateException(
          notice + " is filled with " + notice.placeholders() + ", not " + all.keySet());
    }
    return fill(wordings().get(notice), all);
  }

  public List<NoticeTemplate> all() {
    return em.createQuery("select t from NoticeTemplate t order by t.name", NoticeTemplate.class)
        .getResultList();
  }

  /** A bank rewords a notice; placeholders it does not have are refused. */
  @Audited
  @Transactional
  public NoticeTemplate reword(Notice notice, String wording, String by) {
    TreeSet<String> unknown = new TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(wording);
    while (m.find()) {
      if (!notice.placeholders().contains(m.group(1))) {
        unknown.add("{" + m.group(1) + "}");
      }
    }
    if (!unknown.isEmpty()) {
      throw new InvalidRequestException(
          "The "
              + notice
              + " notice has no "
              + String.join(", ", unknown)
              + "; its placeholders are "
              + notice.placeholders().stream().map(p -> "{" + p + "}").toList()
              + ".");
    }
    NoticeTemplate template = em.find(NoticeTemplate.class, notice.name());
    if (template == null) {
      throw new NotFoundException("No wording of " + notice + ".");
    }
    template.reword(wording, by, clock.instant());
    em.flush();
    reference.changed(REFERENCE);
    return template;
  }

  private Map<Notice, String> wordings() {
    return reference.read(
        REFERENCE,
        () -> {
          Map<Notice, String> wordings = new EnumMap<>(Notice.class);
          for (NoticeTemplate template : all()) {
            wordings.put(Notice.valueOf(template.name()), template.wording());
          }
          if (wordings.size() != Notice.values().length) {
            throw new IllegalStateException("notice_template lacks a notice's wording");
          }
          return Map.copyOf(wordings);
        });
  }

  /** One pass: a value is never searched for placeholders itself. */
  static String fill(String wording, Map<String, Object> values) {
    Matcher m = PLACEHOLDER.matcher(wording);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      Object value = values.get(m.group(1));
      m.appendReplacement(
          out, Matcher.quoteReplacement(value == null ? m.group() : String.valueOf(value)));
    }
    m.appendTail(out);
    return out.toString();
  }
}
