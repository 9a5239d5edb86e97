package org.trainset.inspect.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trainset.inspect.rules.Items.image;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.trainset.core.issue.Issue;
import org.trainset.core.issue.Severity;
import org.trainset.core.model.Item;
import org.trainset.inspect.rules.dataset.PairedVersionsRule;
import org.trainset.inspect.rules.dataset.SubjectBalanceRule;

/** Subject balance and paired versions: findings, and the same answer however the items are split. */
class SubjectRulesTest {
  private static List<Item> people() {
    List<Item> out = new ArrayList<>();
    String[][] p = {{"p1", "female"}, {"p2", "female"}, {"p3", "female"}, {"p4", "male"}};
    for (String[] person : p) {
      for (int shot = 0; shot < 5; shot++) out.add(image(person[0] + "/" + shot, 9, 9, List.of(), "person", person[0], "gender", person[1]));
    }
    out.add(image("p5/0", 9, 9, List.of(), "person", "p5"));
    return out;
  }

  private static List<String> run(Rule rule, List<Item> items, int split) {
    Accumulator a = rule.accumulator();
    Accumulator b = rule.accumulator();
    for (int i = 0; i < items.size(); i++) (i < split ? a : b).add(items.get(i));
    a.merge(b);
    List<String> out = new ArrayList<>();
    a.finish(f -> out.add(f.message()));
    return out;
  }

  @Test
  void subjectsCountOnceAndTheAnswerDoesNotDependOnTheSplit() {
    Rule rule = new SubjectBalanceRule("g", Severity.ERROR, "person", "gender", List.of("female", "male"), 0.1);
    List<String> whole = run(rule, people(), people().size());
    assertEquals(whole, run(rule, people(), 7));
    assertEquals(whole, run(rule, people(), 0));
    assertTrue(whole.stream().anyMatch(m -> m.contains("1 of 5 subjects have no 'gender'")), whole.toString());
    assertTrue(whole.stream().anyMatch(m -> m.contains("'female' is 75.0% of 4 subjects")), whole.toString());
  }

  @Test
  void pairedVersionsReportTheClipMissingOne() {
    Rule rule = new PairedVersionsRule("v", Severity.ERROR, Pattern.compile("(?:^|/)(?<version>chroma|raw)/(?<key>.+)$"),
        List.of("chroma", "raw"));
    List<Item> items = List.of(image("chroma/a/1", 9, 9, List.of()), image("raw/a/1", 9, 9, List.of()),
        image("chroma/a/2", 9, 9, List.of()), image("outdoor/b/3", 9, 9, List.of()));
    List<String> whole = run(rule, items, 4);
    assertEquals(whole, run(rule, items, 1));
    assertEquals(List.of("1 of 2 clips have no 'raw' version, e.g. a/2"), whole);
  }
}
