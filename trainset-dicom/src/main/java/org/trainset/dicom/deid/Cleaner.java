package org.trainset.dicom.deid;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The C (clean) action of PS3.15 Table E.1-1 for text: "replace with values of similar meaning
 * known not to contain identifying information". A rule table cannot know what a free-text
 * description says, so cleaning removes what this file itself identifies as PHI: every value (and
 * every name component and word of 3+ characters, matched as whole words) of the attributes the profile removes, empties,
 * dummies or replaces in the same file, plus anything shaped like a date (yyyymmdd, yyyy-mm-dd,
 * yyyy.mm.dd, yyyy/mm/dd) or a long number run (6+ digits: ids, phone numbers). What is left is
 * kept. A clean option is an assertion by the user that the descriptions were reviewed for
 * anything else; docs/dicom.md says so.
 */
final class Cleaner {
  private static final Pattern DATE = Pattern.compile("(?<!\\d)(1[89]|20)\\d{2}[-./]?(0[1-9]|1[0-2])[-./]?(0[1-9]|[12]\\d|3[01])(?!\\d)");
  private static final Pattern LONG_NUMBER = Pattern.compile("\\d{6,}");
  private static final Pattern WORD_SPLIT = Pattern.compile("[\\s^=\\\\,;:/()\\[\\]]+");
  private final TreeSet<String> tokens = new TreeSet<>(Comparator.comparingInt(String::length).reversed()
      .thenComparing(Comparator.naturalOrder()));
  private List<Pattern> patterns;

  /** Notes one identifying value: the whole value and its words of 3 or more characters. */
  void identifying(String value) {
    String v = value.strip();
    if (v.length() >= 3) tokens.add(v.toLowerCase(Locale.ROOT));
    for (String w : WORD_SPLIT.split(v)) if (w.length() >= 3) tokens.add(w.toLowerCase(Locale.ROOT));
    patterns = null;
  }

  /** The text with identifying values, dates and long number runs removed; whitespace collapsed. */
  String clean(String text) {
    if (patterns == null) {
      patterns = new ArrayList<>();
      // whole words only: "Kim" goes, "Kimchi" stays
      for (String t : tokens) {
        patterns.add(Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(t) + "(?![\\p{L}\\p{N}])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
      }
    }
    String s = text;
    for (Pattern p : patterns) s = p.matcher(s).replaceAll("");
    s = DATE.matcher(s).replaceAll("");
    s = LONG_NUMBER.matcher(s).replaceAll("");
    return s.replaceAll("[ \\t]{2,}", " ").strip();
  }
}
