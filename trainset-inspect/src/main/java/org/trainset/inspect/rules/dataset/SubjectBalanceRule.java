package org.trainset.inspect.rules.dataset;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.trainset.core.io.InputException;
import org.trainset.core.model.Item;
import org.trainset.inspect.rules.Accumulator;
import org.trainset.inspect.rules.Findings;
import org.trainset.inspect.rules.FindingSink;
import org.trainset.inspect.rules.Rule;
import org.trainset.inspect.rules.RuleSpec;
import org.trainset.inspect.rules.RuleType;
import org.trainset.core.issue.Severity;

/**
 * {@code subject-balance}: the people a dataset was made from (item attribute {@code subject}:
 * the face family's {@code person}, an OCR writer) are balanced over {@code attribute}
 * ({@code gender}, {@code age_group}): each of {@code values} holds an equal share of the
 * distinct subjects within ± {@code tolerance} (the seed: subjects recruited "balancing gender and
 * age group"); without {@code values}, the groups the subjects fall into share equally. Each subject counts once, however many items it has; a subject without the
 * attribute, with a value outside the list, or with two different values is a finding. The
 * accumulator keeps one value per subject (bounded by the number of people, never by items) and
 * merges by subject.
 */
public record SubjectBalanceRule(String id, Severity severity, String subject, String attribute, List<String> values,
                                 double tolerance) implements Rule {
  static final String MISSING = "";

  @Override public Accumulator accumulator() {
    return new Acc(this);
  }

  static final class Acc implements Accumulator {
    private final SubjectBalanceRule rule;
    private final Map<String, String> valueOf = new HashMap<>();
    private final Set<String> conflicting = new java.util.TreeSet<>();

    Acc(SubjectBalanceRule rule) {
      this.rule = rule;
    }

    @Override public void add(Item item) {
      Object s = item.attributes().get(rule.subject);
      if (s == null) return;
      Object v = item.attributes().get(rule.attribute);
      put(String.valueOf(s), v == null ? MISSING : String.valueOf(v));
    }

    private void put(String subject, String value) {
      String before = valueOf.putIfAbsent(subject, value);
      if (before != null && !before.equals(value)) {
        if (before.equals(MISSING)) valueOf.put(subject, value);
        else if (!value.equals(MISSING)) conflicting.add(subject);
      }
    }

    @Override public void merge(Accumulator other) {
      Acc o = (Acc) other;
      o.valueOf.forEach(this::put);
      conflicting.addAll(o.conflicting);
    }

    @Override public void finish(FindingSink out) {
      if (valueOf.isEmpty()) {
        out.accept(Findings.dataset(rule, "no item names its subject ('" + rule.subject + "')", 0));
        return;
      }
      Map<String, Long> counts = new TreeMap<>();
      long missing = 0;
      for (String v : valueOf.values()) {
        if (v.equals(MISSING)) missing++;
        else counts.merge(v, 1L, Long::sum);
      }
      if (missing > 0) {
        out.accept(Findings.dataset(rule, missing + " of " + valueOf.size() + " subjects have no '" + rule.attribute + "'", missing));
      }
      if (!conflicting.isEmpty()) {
        out.accept(Findings.dataset(rule, conflicting.size() + " subjects have two '" + rule.attribute + "' values, e.g. "
            + conflicting.iterator().next(), conflicting.size()));
      }
      long known = counts.values().stream().mapToLong(Long::longValue).sum();
      if (known == 0) return;
      List<String> expected = rule.values.isEmpty() ? List.copyOf(counts.keySet()) : rule.values;
      Set<String> all = new LinkedHashSet<>(expected);
      all.addAll(counts.keySet());
      double target = 1.0 / expected.size();
      for (String v : all) {
        long n = counts.getOrDefault(v, 0L);
        double share = n / (double) known;
        if (!expected.contains(v)) {
          out.accept(Findings.dataset(rule, n + " subjects have " + rule.attribute + " '" + v + "', not one of " + rule.values, n));
        } else if (Math.abs(share - target) > rule.tolerance + 1e-12) {
          out.accept(Findings.dataset(rule, rule.attribute + " '" + v + "' is " + ClassShareRule.pct(share) + " of "
              + known + " subjects (" + n + "), outside " + ClassShareRule.pct(target) + " ± "
              + ClassShareRule.pct(rule.tolerance), Counts.round4(share)));
        }
      }
    }
  }

  public static final class Type implements RuleType {
    @Override public String name() { return "subject-balance"; }

    @Override public Rule create(RuleSpec s) throws InputException {
      List<String> values = s.has("values") ? s.requiredStrings("values") : List.of();
      if (values.size() == 1) throw s.error("values needs at least two groups to balance");
      return new SubjectBalanceRule(s.id(), s.severity(), s.string("subject"), s.string("attribute"), List.copyOf(values),
          s.number("tolerance", 0.1));
    }
  }
}
