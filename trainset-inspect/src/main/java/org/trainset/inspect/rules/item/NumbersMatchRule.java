package org.trainset.inspect.rules.item;

import org.trainset.inspect.rules.Findings;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trainset.core.io.InputException;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.Item;
import org.trainset.core.model.TextPair;
import org.trainset.inspect.rules.FindingSink;
import org.trainset.inspect.rules.Rule;
import org.trainset.inspect.rules.RuleSpec;
import org.trainset.inspect.rules.RuleType;
import org.trainset.core.issue.Severity;

/**
 * {@code numbers-match}: a text pair's source and target hold the same numbers (digit runs, with
 * thousands separators removed), in any order; a changed or dropped figure is the commonest
 * mistranslation a reviewer marks (MQM Accuracy). Pairs with an empty side are left to the
 * rules that require text. Numbers written out in words ("three", "세") are not compared, so
 * packs usually give this rule warning severity.
 */
public record NumbersMatchRule(String id, Severity severity, AnnotationSelector select) implements Rule {
  private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");

  @Override public void check(Item item, FindingSink out) {
    for (Annotation a : item.annotations()) {
      if (!(a instanceof TextPair p) || !select.matches(a)) continue;
      if (p.source() == null || p.target() == null || p.source().isBlank() || p.target().isBlank()) continue;
      List<String> source = numbers(p.source());
      List<String> target = numbers(p.target());
      List<String> missing = minus(source, target);
      List<String> added = minus(target, source);
      if (!missing.isEmpty() || !added.isEmpty()) {
        out.accept(Findings.at(this, item, a, "numbers differ: source has " + source + ", target has " + target,
            String.join(" ", added.isEmpty() ? missing : added)));
      }
    }
  }

  static List<String> numbers(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = NUMBER.matcher(text);
    while (m.find()) {
      String n = m.group().replaceAll(",(\\d{3})", "$1");
      out.add(n.endsWith(",") || n.endsWith(".") ? n.substring(0, n.length() - 1) : n);
    }
    out.sort(null);
    return out;
  }

  private static List<String> minus(List<String> a, List<String> b) {
    List<String> rest = new ArrayList<>(a);
    for (String x : b) rest.remove(x);
    return rest;
  }

  public static final class Type implements RuleType {
    @Override public String name() { return "numbers-match"; }

    @Override public Rule create(RuleSpec s) throws InputException {
      return new NumbersMatchRule(s.id(), s.severity(), AnnotationSelector.from(s));
    }
  }
}
