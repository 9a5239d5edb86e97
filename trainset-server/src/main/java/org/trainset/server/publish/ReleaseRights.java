package org.trainset.server.publish;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.trainset.core.DatasetSource;
import org.trainset.core.model.Item;
import org.trainset.core.spi.ItemCursor;
import org.trainset.server.http.Http;

/**
 * The rights a release needs, checked over every item at freeze time: a licence term for each
 * source whose items need one (news articles: the outlet; any item that names a
 * {@code licence_source}), not expired on the platform's date; and a subject's consent where the
 * family films or photographs people (faces, CCTV). The terms come from the release request
 * ({@code licences}, {@code consents}) or from the items' own attributes.
 *
 * <p>Attributes read: {@code licence_source} (else the news outlet {@code 언론사}),
 * {@code licence_terms}, {@code licence_expires} (ISO date); {@code subject} / {@code subject_id} /
 * {@code person_id} (else the item id) and {@code consent} (a consent form id or true).
 */
public final class ReleaseRights {
  /** Families whose subjects must have consented (the seed: consent forms signed by every subject). */
  static final Set<String> CONSENT_FAMILIES = Set.of("aihub.face", "aihub.cctv");
  static final String NEWS_OUTLET = "언론사";

  /** A source's licence: its terms and last day of validity (null: no end). */
  public record LicenceTerm(String terms, LocalDate expires) {}

  /** An item that cannot be published, and why. */
  record Problem(String item, String rule, String message) {}

  record Outcome(List<Problem> problems, ObjectNode json) {
    /** "a (licence of X expired on D); b (…)", at most {@code max} items. */
    String describe(int max) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < Math.min(max, problems.size()); i++) {
        if (i > 0) sb.append("; ");
        sb.append(problems.get(i).item()).append(" (").append(problems.get(i).message()).append(')');
      }
      if (problems.size() > max) sb.append("; and ").append(problems.size() - max).append(" more");
      return sb.toString();
    }
  }

  private ReleaseRights() {}

  static Outcome check(String family, DatasetSource source, Map<String, LicenceTerm> licences,
                       Map<String, String> consents, LocalDate today) throws IOException {
    boolean consentNeeded = CONSENT_FAMILIES.contains(family);
    List<Problem> problems = new ArrayList<>();
    Map<String, long[]> itemsBySource = new TreeMap<>();
    Map<String, LicenceTerm> used = new TreeMap<>();
    Set<String> subjects = new TreeSet<>();
    long consented = 0;
    try (ItemCursor c = source.open(null)) {
      for (Item item = c.next(); item != null; item = c.next()) {
        Map<String, Object> a = item.attributes();
        String src = text(a.get("licence_source"));
        if (src == null) src = text(a.get(NEWS_OUTLET));
        boolean news = family.startsWith("aihub.corpus") && "news".equals(text(a.get("domain")));
        if (src == null && news) {
          problems.add(new Problem(item.id(), "licence", "a news item without its outlet (licence_source or 언론사)"));
        } else if (src != null) {
          itemsBySource.computeIfAbsent(src, k -> new long[1])[0]++;
          LicenceTerm term = licences.get(src);
          if (term == null) term = itemTerm(item);
          if (term == null) {
            problems.add(new Problem(item.id(), "licence", "no licence term for source '" + src + "'"));
          } else {
            used.putIfAbsent(src, term);
            if (term.expires() != null && term.expires().isBefore(today)) {
              problems.add(new Problem(item.id(), "licence", "licence of '" + src + "' expired on " + term.expires()));
            }
          }
        }
        if (consentNeeded) {
          String subject = firstText(a, "subject", "subject_id", "person_id");
          if (subject == null) subject = item.id();
          subjects.add(subject);
          String consent = text(a.get("consent"));
          if (consent == null || consent.equalsIgnoreCase("false") || consent.equalsIgnoreCase("no")) {
            consent = consents.get(subject);
          }
          if (consent == null) problems.add(new Problem(item.id(), "consent", "no consent recorded for subject '" + subject + "'"));
          else consented++;
        }
      }
    }
    ObjectNode json = Http.object();
    ObjectNode ls = json.putObject("licences");
    for (Map.Entry<String, long[]> e : itemsBySource.entrySet()) {
      LicenceTerm t = used.get(e.getKey());
      ObjectNode o = ls.putObject(e.getKey()).put("items", e.getValue()[0]);
      o.put("terms", t == null ? null : t.terms());
      o.put("expires", t == null || t.expires() == null ? null : t.expires().toString());
    }
    ObjectNode cs = json.putObject("consent").put("required", consentNeeded);
    if (consentNeeded) cs.put("subjects", subjects.size()).put("itemsWithConsent", consented);
    return new Outcome(problems, json);
  }

  /** An item's own licence attributes, when it carries them. */
  private static LicenceTerm itemTerm(Item item) {
    String terms = text(item.attributes().get("licence_terms"));
    String expires = text(item.attributes().get("licence_expires"));
    if (terms == null && expires == null) return null;
    return new LicenceTerm(terms, expires == null ? null : date(expires, "item " + item.id() + ": licence_expires"));
  }

  static LocalDate date(String text, String field) {
    try {
      return LocalDate.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(field + ": '" + text + "' is not a date YYYY-MM-DD");
    }
  }

  private static String firstText(Map<String, Object> a, String... keys) {
    for (String k : keys) {
      String v = text(a.get(k));
      if (v != null) return v;
    }
    return null;
  }

  private static String text(Object v) {
    if (v == null) return null;
    String s = v.toString().trim();
    return s.isEmpty() ? null : s.toLowerCase(Locale.ROOT).equals("null") ? null : s;
  }
}
