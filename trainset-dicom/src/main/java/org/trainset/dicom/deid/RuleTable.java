package org.trainset.dicom.deid;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.trainset.dicom.io.Tags;

/**
 * PS3.15 Annex E Table E.1-1 as data: for each attribute the Basic Profile action and the action
 * of each option column. Loaded from {@code annex-e.tsv}, which scripts/dicom/gen-deid-table.sh
 * generates from the standard's table ({@code ../shared/data/dicom/ps3.15-table-e1-1.csv}).
 *
 * <p>Three rows are repeating groups, {@code (50xx,xxxx)}, {@code (60xx,3000)} and
 * {@code (60xx,4000)}: the {@code xx} of the group stands only for the even groups 00–1E (PS3.5
 * 7.6), so (6020,3000) is not Overlay Data and (6001,3000) is private. One row covers every
 * private attribute; {@link #find} never returns it, see {@link #privateRule()}.
 */
public final class RuleTable {
  /** One row of Table E.1-1. */
  public record Rule(String tag, int mask, int value, String name, boolean retired, String basic,
                     Map<String, String> options) {
    /**
     * The action when {@code enabled} options apply. A retain option's K wins over a clean
     * option's C (the user asked to keep it); either wins over the Basic Profile action.
     */
    public String action(Iterable<DeidOption> enabled) {
      String chosen = null;
      for (DeidOption o : enabled) {
        String a = options.getOrDefault(o.column(), "");
        if (a.equals("K")) return a;
        if (!a.isEmpty() && chosen == null) chosen = a;
      }
      return chosen != null ? chosen : basic;
    }

    /** The action of one option column ("" when the option adds none). */
    public String option(DeidOption o) {
      return options.getOrDefault(o.column(), "");
    }

    boolean matches(int tag) {
      if ((tag & mask) != value) return false;
      if ((mask >>> 16) == 0xFF00) { // repeating group: only the even groups xx00..xx1E
        int low = Tags.group(tag) & 0xFF;
        return (low & 1) == 0 && low <= 0x1E;
      }
      return true;
    }
  }

  private static final RuleTable STANDARD = load();
  private final Map<Integer, Rule> exact = new HashMap<>();
  private final List<Rule> repeating = new ArrayList<>();
  private final List<Rule> all = new ArrayList<>();
  private Rule privateRule;
  private String edition = "unknown";

  public static RuleTable standard() {
    return STANDARD;
  }

  /** The edition of PS3.15 the table was generated from, e.g. {@code 2026d}. */
  public String edition() {
    return edition;
  }

  /** The row for a standard attribute (exact tag or repeating group); private tags have none here. */
  public Optional<Rule> find(int tag) {
    if (Tags.isPrivate(tag)) return Optional.empty();
    Rule r = exact.get(tag);
    if (r != null) return Optional.of(r);
    for (Rule m : repeating) if (m.matches(tag)) return Optional.of(m);
    return Optional.empty();
  }

  /** The row for private attributes ("(gggg,eeee) where gggg is odd"). */
  public Rule privateRule() {
    return privateRule;
  }

  public List<Rule> rules() {
    return Collections.unmodifiableList(all);
  }

  private static RuleTable load() {
    RuleTable t = new RuleTable();
    try (InputStream in = RuleTable.class.getResourceAsStream("annex-e.tsv");
         BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String[] header = null;
      for (String line; (line = r.readLine()) != null; ) {
        if (line.startsWith("# edition\t")) t.edition = line.substring("# edition\t".length()).strip();
        if (line.startsWith("# tag")) header = line.substring(2).split("\t");
        if (line.startsWith("#") || line.isBlank()) continue;
        String[] f = line.split("\t", -1);
        Map<String, String> opts = new HashMap<>();
        for (int i = 5; i < f.length; i++) opts.put(header[i], f[i]);
        boolean retired = f[2].equals("Y");
        if (f[0].equals("private")) {
          t.privateRule = new Rule(f[0], 0, 0, f[1], retired, f[4], Map.copyOf(opts));
          t.all.add(t.privateRule);
          continue;
        }
        int mask = 0;
        int value = 0;
        for (char c : f[0].toCharArray()) {
          mask <<= 4;
          value <<= 4;
          if (c != 'x') {
            mask |= 0xF;
            value |= Character.digit(c, 16);
          }
        }
        Rule rule = new Rule(f[0], mask, value, f[1], retired, f[4], Map.copyOf(opts));
        t.all.add(rule);
        if (mask == -1) t.exact.put(value, rule);
        else t.repeating.add(rule);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return t;
  }
}
