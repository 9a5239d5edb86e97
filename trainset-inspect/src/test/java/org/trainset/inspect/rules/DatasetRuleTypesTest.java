package org.trainset.inspect.rules;

import org.trainset.core.issue.Issue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trainset.inspect.rules.Items.*;

import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trainset.core.io.InputException;
import org.trainset.core.model.*;

/** Dataset-level rule types (pass/fail each), partition merging, and pack errors. */
class DatasetRuleTypesTest {

  private static List<Issue> runYaml(String ruleYaml, List<Item> items) throws Exception {
    return run(pack("pack: t\nrules:\n" + ruleYaml), items);
  }

  private static Item events(String id, Object... labelSeconds) {
    List<Annotation> anns = new ArrayList<>();
    for (int i = 0; i < labelSeconds.length; i += 2) {
      anns.add(new TimeEvent(meta(null, (String) labelSeconds[i]), 0, ((Number) labelSeconds[i + 1]).doubleValue()));
    }
    return video(id, 10_000, anns);
  }

  @Test void classShareByDuration() throws Exception {
    String r = "  - {id: r, type: class-share, labels: [a, b, c], measure: duration, target: 0.3333, tolerance: 0.05}\n";
    assertTrue(runYaml(r, List.of(events("1", "a", 100, "b", 100), events("2", "c", 110))).isEmpty());
    List<Issue> f = runYaml(r, List.of(events("1", "a", 100, "b", 100), events("2", "a", 200)));
    // a = 300/400, b = 100/400, c = 0
    assertEquals(List.of(0.75, 0.25, 0.0), f.stream().map(Issue::value).toList());
    assertEquals(null, f.get(0).item());
  }

  @Test void compositionAndBalance() throws Exception {
    String comp = "  - {id: r, type: composition, attribute: c, ratios: {s: 15, o: 15, m: 40, x: 30}, tolerance: 0.01}\n";
    List<Item> good = new ArrayList<>();
    for (int i = 0; i < 100; i++) good.add(attrs("i" + i, "c", i < 15 ? "s" : i < 30 ? "o" : i < 70 ? "m" : "x"));
    assertTrue(runYaml(comp, good).isEmpty());
    List<Item> bad = new ArrayList<>();
    for (int i = 0; i < 100; i++) bad.add(attrs("i" + i, "c", i < 25 ? "s" : i < 30 ? "o" : i < 70 ? "m" : "x"));
    List<Issue> f = runYaml(comp, bad);
    assertEquals(List.of(0.25, 0.05), f.stream().map(Issue::value).toList());

    String bal = "  - {id: r, type: balance, attribute: maker, values: [a, b, c], tolerance: 0.02}\n";
    List<Item> even = new ArrayList<>();
    for (int i = 0; i < 99; i++) even.add(attrs("i" + i, "maker", List.of("a", "b", "c").get(i % 3)));
    assertTrue(runYaml(bal, even).isEmpty());
    even.add(attrs("odd", "maker", "d"));
    List<Issue> g = runYaml(bal, even);
    assertEquals("d", g.get(g.size() - 1).value());
  }

  @Test void minTotalDuration() throws Exception {
    String r = "  - {id: r, type: min-total-duration, labels: [a, b], min: 72000}\n";
    assertTrue(runYaml(r, List.of(events("1", "a", 40_000, "b", 72_000), events("2", "a", 32_000))).isEmpty());
    List<Issue> f = runYaml(r, List.of(events("1", "a", 71_999.5)));
    assertEquals(List.of(71_999.5, 0.0), f.stream().map(Issue::value).toList());
  }

  @Test void gridCompleteness() throws Exception {
    String r = """
          - id: r
            type: grid-complete
            group-by: person
            dimensions:
              - {attribute: angle, range: {prefix: C, from: 1, to: 3}}
              - {attribute: expr, values: [E01, E02]}
        """;
    List<Item> full = new ArrayList<>();
    for (String p : List.of("p1", "p2")) {
      for (String a : List.of("C1", "C2", "C3")) {
        for (String e : List.of("E01", "E02")) full.add(attrs(p + a + e, "person", p, "angle", a, "expr", e));
      }
    }
    assertTrue(runYaml(r, full).isEmpty());
    full.removeIf(i -> i.id().equals("p2C2E02"));
    List<Issue> f = runYaml(r, full);
    assertEquals(1, f.size());
    assertEquals(1, f.get(0).value());
    assertTrue(f.get(0).message().contains("angle=C2,expr=E02"), f.get(0).message());
  }

  @Test void observedGridHoldsEachGroupToTheValuesItWasSeenWith() throws Exception {
    String r = """
          - id: r
            type: grid-complete
            group-by: [person]
            observed: true
            dimensions:
              - {attribute: angle, range: {prefix: C, from: 1, to: 20}}
              - {attribute: expr, values: [E01, E02, E03]}
        """;
    List<Item> items = new ArrayList<>();
    // p1 shot C1-C2 x E01-E02 (4 of 60 guideline cells), p2 only C5 x E03: both complete as far as shot.
    for (String a : List.of("C1", "C2")) {
      for (String e : List.of("E01", "E02")) items.add(attrs("p1" + a + e, "person", "p1", "angle", a, "expr", e));
    }
    items.add(attrs("p2", "person", "p2", "angle", "C5", "expr", "E03"));
    assertTrue(runYaml(r, items).isEmpty());
    items.removeIf(i -> i.id().equals("p1C2E01"));
    List<Issue> f = runYaml(r, items);
    assertEquals(1, f.size());
    assertEquals(1, f.get(0).value());
    assertTrue(f.get(0).message().contains("person 'p1' misses 1 of 4 observed"), f.get(0).message());
    assertTrue(f.get(0).message().contains("angle=C2,expr=E01"), f.get(0).message());
  }

  @Test void gridGroupedBySeveralAttributes() throws Exception {
    String r = "  - {id: r, type: grid-complete, group-by: [scenario, take], dimensions: [{attribute: camera, values: [C1, C2]}]}\n";
    List<Item> items = new ArrayList<>(List.of(attrs("a", "scenario", "28-8", "take", "001", "camera", "C1"),
        attrs("b", "scenario", "28-8", "take", "001", "camera", "C2"), attrs("c", "scenario", "28-8", "take", "002", "camera", "C2")));
    List<Issue> f = runYaml(r, items);
    assertEquals(1, f.size());
    assertTrue(f.get(0).message().startsWith("scenario+take '28-8-002' misses 1 of 2"), f.get(0).message());
  }

  @Test void averageWords() throws Exception {
    String r = "  - {id: r, type: average-words, types: [text_pair], field: source, min: 3}\n";
    Item twoFour = new Item("1", null, List.of(), java.util.Map.of(), List.of(
        new TextPair(meta(null, ""), "가 나", "a b", "ko", "en"), new TextPair(meta(null, ""), "가 나 다 라", "", "ko", "en")));
    assertTrue(runYaml(r, List.of(twoFour)).isEmpty());
    Item short1 = new Item("2", null, List.of(), java.util.Map.of(), List.of(
        new TextPair(meta(null, ""), "가  나 ", "a", "ko", "en")));
    List<Issue> f = runYaml(r, List.of(twoFour, short1));
    assertEquals(2.67, f.get(0).value());
  }

  @Test void partitionsMergeToTheSameAnswerAsOnePass() throws Exception {
    RulePack p = pack("pack: t\nrules:\n  - {id: r, type: class-share, measure: annotations, target: 0.5, tolerance: 0.1}\n");
    List<Item> items = List.of(
        image("1", 9, 9, List.of(box(null, "a", 0, 0, 1, 1))), image("2", 9, 9, List.of(box(null, "a", 0, 0, 1, 1))),
        image("3", 9, 9, List.of(box(null, "a", 0, 0, 1, 1))), image("4", 9, 9, List.of(box(null, "b", 0, 0, 1, 1))));
    Inspector inspector = new Inspector(p);
    InspectionRun left = inspector.newRun();
    InspectionRun right = inspector.newRun();
    left.add(items.get(0), f -> { });
    left.add(items.get(1), f -> { });
    right.add(items.get(2), f -> { });
    right.add(items.get(3), f -> { });
    // A partition's run travels (Spark) as a serialised object.
    right = roundTrip(right);
    left.merge(right);
    List<Issue> merged = new ArrayList<>();
    left.finish(merged::add);
    assertEquals(run(p, items), merged);
    assertEquals(List.of(0.75, 0.25), merged.stream().map(Issue::value).toList());
    assertEquals(4, left.items());
  }

  private static InspectionRun roundTrip(InspectionRun run) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(run);
    }
    try (ObjectInputStream in = new ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
      return (InspectionRun) in.readObject();
    }
  }

  @Test void badPacksNameTheRuleAndProblem() {
    InputException unknown = assertThrows(InputException.class,
        () -> pack("pack: t\nrules:\n  - {id: r1, type: no-such-type}\n"));
    assertTrue(unknown.getMessage().contains("rule 'r1' (no-such-type): unknown rule type"), unknown.getMessage());
    InputException missing = assertThrows(InputException.class,
        () -> pack("pack: t\nrules:\n  - {id: r2, type: min-size}\n"));
    assertTrue(missing.getMessage().contains("rule 'r2' (min-size): needs 'min'"), missing.getMessage());
    InputException dup = assertThrows(InputException.class,
        () -> pack("pack: t\nrules:\n  - {id: r, type: polygon-valid}\n  - {id: r, type: polygon-valid}\n"));
    assertTrue(dup.getMessage().contains("used twice"));
    InputException syntax = assertThrows(InputException.class, () -> pack("pack: t\nrules: [\n"));
    assertTrue(syntax.getMessage().startsWith("test-pack.yaml:"), syntax.getMessage());
    InputException sev = assertThrows(InputException.class,
        () -> pack("pack: t\nrules:\n  - {id: r, type: polygon-valid, severity: fatal}\n"));
    assertTrue(sev.getMessage().contains("unknown severity 'fatal'"));
  }

  @Test void everyBuiltinPackLoadsAndEveryTypeIsRegistered() throws Exception {
    assertEquals(10, RulePacks.builtinIds().size());
    for (String id : RulePacks.builtinIds()) {
      RulePack p = RulePacks.builtin(id);
      assertEquals(id, p.id());
      assertTrue(p.rules().size() >= 3, id);
    }
    assertEquals(24, RuleTypes.installed().all().size()); // + subject-balance, paired-versions, image-size-by-attribute
  }

  @Test void everyBuiltinPackRunSurvivesSerialisationAsASparkPartitionWould() throws Exception {
    for (String id : RulePacks.builtinIds()) {
      InspectionRun run = new Inspector(RulePacks.builtin(id)).newRun();
      run.add(image("1", 9, 9, List.of(box(null, "a", 0, 0, 1, 1))), f -> { });
      InspectionRun copy = roundTrip(run);
      assertEquals(1, copy.items(), id);
      copy.merge(run);
      assertEquals(2, copy.items(), id);
    }
  }
}
