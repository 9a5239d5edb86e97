package org.trainset.inspect.rules.item;

import org.trainset.inspect.rules.Findings;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.trainset.core.io.InputException;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.Caption;
import org.trainset.core.model.Item;
import org.trainset.core.model.TextPair;
import org.trainset.inspect.rules.FindingSink;
import org.trainset.inspect.rules.Rule;
import org.trainset.inspect.rules.RuleSpec;
import org.trainset.inspect.rules.RuleType;
import org.trainset.core.issue.Severity;

/**
 * {@code charset}: the text of selected annotations uses only the characters of {@code allowed}
 * (a regex character-class body such as {@code 가-힣A-Za-z0-9.,!?'"() }). The text is a caption's
 * text, a text pair's {@code source}/{@code target} ({@code field}), or the annotation attribute
 * {@code field} (default {@code text}). Missing text is skipped; {@code min-length} rejects
 * shorter text.
 */
public record CharsetRule(String id, Severity severity, AnnotationSelector select, String field,
                          Pattern allowed, int minLength) implements Rule {

  @Override public void check(Item item, FindingSink out) {
    for (Annotation a : item.annotations()) {
      if (!select.matches(a)) continue;
      String text = textOf(a, field);
      if (text == null) continue;
      if (text.strip().length() < minLength) {
        out.accept(Findings.at(this, item, a, "text shorter than " + minLength + " characters", text));
        continue;
      }
      Set<String> bad = new LinkedHashSet<>();
      text.codePoints().forEach(cp -> {
        String ch = new String(Character.toChars(cp));
        if (!allowed.matcher(ch).matches()) bad.add(ch);
      });
      if (!bad.isEmpty()) {
        out.accept(Findings.at(this, item, a, "text '" + text + "' has characters outside the allowed set: "
            + String.join(" ", bad), String.join("", bad)));
      }
    }
  }

  static String textOf(Annotation a, String field) {
    if (a instanceof Caption c) return c.text();
    if (a instanceof TextPair p) return "target".equals(field) ? p.target() : p.source();
    Object v = a.meta().attributes().get(field);
    return v == null ? null : String.valueOf(v);
  }

  public static final class Type implements RuleType {
    @Override public String name() { return "charset"; }

    @Override public Rule create(RuleSpec s) throws InputException {
      Pattern p;
      try {
        p = Pattern.compile("[" + s.string("allowed") + "]");
      } catch (PatternSyntaxException e) {
        throw s.error("'allowed' is not a character class: " + e.getDescription());
      }
      return new CharsetRule(s.id(), s.severity(), AnnotationSelector.from(s), s.string("field", "text"), p,
          (int) s.number("min-length", 0));
    }
  }
}
