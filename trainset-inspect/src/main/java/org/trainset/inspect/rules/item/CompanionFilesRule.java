package org.trainset.inspect.rules.item;

import org.trainset.inspect.rules.Findings;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.trainset.core.io.InputException;
import org.trainset.core.model.Item;
import org.trainset.core.model.MediaRef;
import org.trainset.inspect.rules.FindingSink;
import org.trainset.inspect.rules.Rule;
import org.trainset.inspect.rules.RuleSpec;
import org.trainset.inspect.rules.RuleType;
import org.trainset.core.issue.Severity;

/**
 * {@code companion-files}: an item made of several files has them all. Each pattern of
 * {@code require} (a regex) must match the file name or the {@code role} (media info) of one of
 * the item's media; {@code min-files} checks the count.
 */
public record CompanionFilesRule(String id, Severity severity, List<Pattern> require, int minFiles)
    implements Rule {

  @Override public void check(Item item, FindingSink out) {
    List<String> missing = new ArrayList<>();
    for (Pattern p : require) {
      boolean found = false;
      for (MediaRef m : item.media()) {
        String name = m.path().substring(m.path().lastIndexOf('/') + 1);
        Object role = m.info().get("role");
        if (p.matcher(name).find() || (role != null && p.matcher(role.toString()).find())) {
          found = true;
          break;
        }
      }
      if (!found) missing.add(p.pattern());
    }
    if (!missing.isEmpty()) {
      out.accept(Findings.at(this, item, "missing companion file(s): " + String.join(", ", missing), missing));
    }
    if (item.media().size() < minFiles) {
      out.accept(Findings.at(this, item, item.media().size() + " files, at least " + minFiles + " expected",
          item.media().size()));
    }
  }

  public static final class Type implements RuleType {
    @Override public String name() { return "companion-files"; }

    @Override public Rule create(RuleSpec s) throws InputException {
      List<Pattern> patterns = new ArrayList<>();
      for (String r : s.strings("require")) {
        try {
          patterns.add(Pattern.compile(r));
        } catch (PatternSyntaxException e) {
          throw s.error("bad pattern '" + r + "': " + e.getDescription());
        }
      }
      return new CompanionFilesRule(s.id(), s.severity(), List.copyOf(patterns), (int) s.number("min-files", 0));
    }
  }
}
