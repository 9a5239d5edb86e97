package org.trainset.inspect.rules;

import org.trainset.core.issue.Issue;
import org.trainset.core.issue.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts findings by severity and rule and keeps the first {@code keep} of them, so a run over
 * millions of items reports totals without holding every finding.
 */
public final class FindingTally implements FindingSink, java.io.Serializable {
  private final int keep;
  private final List<Issue> kept = new ArrayList<>();
  private final Map<String, Long> bySeverity = new TreeMap<>();
  private final Map<String, Long> byRule = new TreeMap<>();
  private final long[] counts = new long[Severity.values().length];
  private long total;

  public FindingTally(int keep) {
    this.keep = keep;
  }

  @Override public void accept(Issue f) {
    total++;
    counts[f.severity().ordinal()]++;
    bySeverity.merge(f.severity().key(), 1L, Long::sum);
    byRule.merge(f.rule(), 1L, Long::sum);
    if (kept.size() < keep) kept.add(f);
  }

  /**
   * Adds a tally of the findings that came after this one's (the next partition's): counts add
   * up and the kept findings continue in order, as if one tally had seen them all.
   */
  public void merge(FindingTally next) {
    total += next.total;
    for (int i = 0; i < counts.length; i++) counts[i] += next.counts[i];
    next.bySeverity.forEach((k, v) -> bySeverity.merge(k, v, Long::sum));
    next.byRule.forEach((k, v) -> byRule.merge(k, v, Long::sum));
    for (Issue f : next.kept) {
      if (kept.size() < keep) kept.add(f);
    }
  }

  public long total() { return total; }

  /** Findings at {@code severity} or worse. */
  public long atLeast(Severity severity) {
    long n = 0;
    for (Severity s : Severity.values()) {
      if (s.atLeast(severity)) n += counts[s.ordinal()];
    }
    return n;
  }

  public List<Issue> kept() { return List.copyOf(kept); }
  public Map<String, Long> bySeverity() { return Map.copyOf(bySeverity); }
  public Map<String, Long> byRule() { return java.util.Collections.unmodifiableMap(byRule); }
}
