package org.trainset.inspect.rules.dataset;

import org.trainset.inspect.rules.Findings;

import org.trainset.core.io.InputException;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.Caption;
import org.trainset.core.model.Item;
import org.trainset.core.model.TextPair;
import org.trainset.inspect.rules.Accumulator;
import org.trainset.inspect.rules.FindingSink;
import org.trainset.inspect.rules.Rule;
import org.trainset.inspect.rules.RuleSpec;
import org.trainset.inspect.rules.RuleType;
import org.trainset.core.issue.Severity;
import org.trainset.inspect.rules.item.AnnotationSelector;

/**
 * {@code average-words}: sentences average at least {@code min} whitespace-separated words
 * (Korean eojeol; the corpus guideline is 20). The sentence is a text pair's {@code source} or
 * {@code target} ({@code field}) or a caption's text.
 */
public record AverageWordsRule(String id, Severity severity, AnnotationSelector select, String field,
                               double min) implements Rule {

  @Override public Accumulator accumulator() {
    return new Acc(this);
  }

  static int words(String text) {
    String t = text.strip();
    return t.isEmpty() ? 0 : t.split("\\s+").length;
  }

  static final class Acc implements Accumulator {
    private final AverageWordsRule rule;
    private long words;
    private long sentences;

    Acc(AverageWordsRule rule) {
      this.rule = rule;
    }

    @Override public void add(Item item) {
      for (Annotation a : item.annotations()) {
        if (!rule.select.matches(a)) continue;
        String text = a instanceof TextPair p ? ("target".equals(rule.field) ? p.target() : p.source())
            : a instanceof Caption c ? c.text() : null;
        if (text == null) continue;
        words += words(text);
        sentences++;
      }
    }

    @Override public void merge(Accumulator other) {
      Acc o = (Acc) other;
      words += o.words;
      sentences += o.sentences;
    }

    @Override public void finish(FindingSink out) {
      if (sentences == 0) return;
      double avg = (double) words / sentences;
      if (avg < rule.min) {
        out.accept(Findings.dataset(rule, String.format(java.util.Locale.ROOT,
            "sentences average %.2f words (%s), at least %s expected", avg, rule.field, rule.min),
            Math.round(avg * 100) / 100.0));
      }
    }
  }

  public static final class Type implements RuleType {
    @Override public String name() { return "average-words"; }

    @Override public Rule create(RuleSpec s) throws InputException {
      return new AverageWordsRule(s.id(), s.severity(), AnnotationSelector.from(s), s.string("field", "source"),
          s.number("min"));
    }
  }
}
