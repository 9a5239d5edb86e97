package org.trainset.inspect.rules.dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
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
 * {@code paired-versions}: every clip delivered in one version is delivered in all of
 * {@code versions} (CCTV: indoor clips as the chroma-key extract and as the raw original). The
 * regex {@code pattern} is searched in each item id; its named groups {@code version} and
 * {@code key} give the version and what identifies the clip across versions; ids it does not match
 * (outdoor clips) are not judged. The accumulator keeps the versions seen per key (bounded by the
 * number of clips) and merges by key.
 */
public record PairedVersionsRule(String id, Severity severity, Pattern pattern, List<String> versions) implements Rule {

  @Override public Accumulator accumulator() {
    return new Acc(this);
  }

  static final class Acc implements Accumulator {
    private final PairedVersionsRule rule;
    private final Map<String, Set<String>> seen = new TreeMap<>();

    Acc(PairedVersionsRule rule) {
      this.rule = rule;
    }

    @Override public void add(Item item) {
      Matcher m = rule.pattern.matcher(item.id());
      if (m.find()) seen.computeIfAbsent(m.group("key"), k -> new TreeSet<>()).add(m.group("version"));
    }

    @Override public void merge(Accumulator other) {
      ((Acc) other).seen.forEach((k, v) -> seen.computeIfAbsent(k, x -> new TreeSet<>()).addAll(v));
    }

    @Override public void finish(FindingSink out) {
      for (String version : rule.versions) {
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : seen.entrySet()) if (!e.getValue().contains(version)) missing.add(e.getKey());
        if (!missing.isEmpty()) {
          out.accept(Findings.dataset(rule, missing.size() + " of " + seen.size() + " clips have no '" + version
              + "' version, e.g. " + String.join(", ", missing.subList(0, Math.min(3, missing.size()))), missing.size()));
        }
      }
      Set<String> unknown = new TreeSet<>();
      seen.values().forEach(unknown::addAll);
      unknown.removeAll(rule.versions);
      if (!unknown.isEmpty()) {
        out.accept(Findings.dataset(rule, "versions outside " + rule.versions + ": " + unknown, unknown.size()));
      }
    }
  }

  public static final class Type implements RuleType {
    @Override public String name() { return "paired-versions"; }

    @Override public Rule create(RuleSpec s) throws InputException {
      Pattern p;
      try {
        p = Pattern.compile(s.string("pattern"));
      } catch (PatternSyntaxException e) {
        throw s.error("bad pattern: " + e.getDescription());
      }
      if (!p.pattern().contains("(?<version>") || !p.pattern().contains("(?<key>")) {
        throw s.error("pattern needs the named groups (?<version>...) and (?<key>...)");
      }
      List<String> versions = s.requiredStrings("versions");
      if (versions.size() < 2) throw s.error("versions needs at least two");
      return new PairedVersionsRule(s.id(), s.severity(), p, List.copyOf(versions));
    }
  }
}
