package org.trainset.inspect.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.core.io.InputException;
import org.trainset.inspect.review.QualityTracker.Mode;

/** Workers crossing the quality threshold go to 100% inspection and come back after a clean streak. */
class EscalationTest {
  @TempDir Path tmp;

  @Test void workerIsEscalatedAndReturnsAfterTheCleanStreak() {
    // index over the last 10 items, escalate below 80 after 10 items, return after 5 clean items.
    QualityTracker t = new QualityTracker(new QualityPolicy(80, 10, 10, 5, ErrorSeverity.MINOR));
    for (int i = 0; i < 10; i++) assertEquals(Mode.SAMPLED, t.observe("w1", 100, false, "a" + i));
    // Two defects: 8/10 = 80, not below the threshold yet.
    t.observe("w1", 0, true, "b0");
    assertEquals(Mode.SAMPLED, t.observe("w1", 0, true, "b1"));
    assertEquals(80.0, t.workers().get("w1").qualityIndex(), 1e-12);
    // The third defect in the window: 70 < 80 -> 100% inspection.
    assertEquals(Mode.FULL, t.observe("w1", 0, true, "b2"));
    assertEquals(List.of(new QualityTracker.Transition("w1", Mode.SAMPLED, Mode.FULL, 70.0, 13, "b2")), t.transitions());
    // Four clean items are not enough; a defect restarts the streak.
    for (int i = 0; i < 4; i++) assertEquals(Mode.FULL, t.observe("w1", 100, false, "c" + i));
    assertEquals(Mode.FULL, t.observe("w1", 0, true, "d"));
    for (int i = 0; i < 4; i++) assertEquals(Mode.FULL, t.observe("w1", 100, false, "e" + i));
    // The fifth clean item in a row returns the worker to sampling, with a fresh window.
    assertEquals(Mode.SAMPLED, t.observe("w1", 100, false, "e4"));
    assertEquals(2, t.transitions().size());
    assertEquals(Mode.SAMPLED, t.transitions().get(1).to());
    assertEquals(Double.NaN, t.workers().get("w1").qualityIndex());
    // Other workers are unaffected.
    assertEquals(Mode.SAMPLED, t.observe("w2", 0, true, "x"));
  }

  private Path records(String... lines) throws Exception {
    return Files.writeString(tmp.resolve("records.jsonl"), String.join("\n", lines) + "\n");
  }

  private static String rec(String item, String worker, String stage, String verdict, String lot, int lotSize) {
    return "{\"item\":\"" + item + "\",\"worker\":\"" + worker + "\",\"reviewer\":\"r\",\"stage\":\"" + stage
        + "\",\"verdict\":\"" + verdict + "\",\"lot\":\"" + lot + "\",\"lot_size\":" + lotSize
        + (verdict.equals("reject") ? ",\"errors\":[{\"code\":\"missed-object\",\"severity\":\"major\"}]" : "") + "}";
  }

  @Test void scorerJudgesLotsGoldAndWorkers() throws Exception {
    Workflow wf = Workflow.parse(new com.fasterxml.jackson.databind.ObjectMapper(
        new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree("""
        workflow: cctv
        stages:
          - {name: checker, sampling: all}
          - {name: chief, sampling: {aql: 1.0}}
        quality: {threshold: 75, min-items: 4, window: 4, clean-streak: 3}
        """));
    java.util.List<String> lines = new java.util.ArrayList<>();
    // Lot L1 (1000 items) at the chief: 80 inspected, 3 defects -> rejected (Ac 2, Re 3).
    for (int i = 0; i < 80; i++) lines.add(rec("i" + i, "w" + (i % 4), "chief", i < 3 ? "reject" : "accept", "L1", 1000));
    // Lot L2 at the checker: 100% inspection, 4 items, no defects -> accepted.
    for (int i = 0; i < 4; i++) lines.add(rec("j" + i, "w9", "checker", "accept", "L2", 4));
    // Gold: w9 answers the honeypot wrongly.
    lines.add("{\"item\":\"gold-1\",\"worker\":\"w9\",\"stage\":\"checker\",\"verdict\":\"accept\",\"answer\":\"cat\",\"lot\":\"L2\",\"lot_size\":5}");
    Path gold = Files.writeString(tmp.resolve("gold.jsonl"), "{\"item\":\"gold-1\",\"answer\":\"dog\"}\n");
    QaScorer s = new QaScorer(wf, GoldSet.read(gold));
    ReviewRecords.read(records(lines.toArray(String[]::new)), s::add);
    QaScorer.Report r = s.report();
    assertEquals(85, r.records());
    QaScorer.LotResult l1 = r.lots().stream().filter(l -> l.lot().equals("L1")).findFirst().orElseThrow();
    assertEquals(List.of(80, 80, 3, 2, 3), List.of(l1.inspected(), l1.required(), l1.defects(), l1.accept(), l1.reject()));
    assertEquals(false, l1.accepted());
    QaScorer.LotResult l2 = r.lots().stream().filter(l -> l.lot().equals("L2")).findFirst().orElseThrow();
    assertEquals(false, l2.accepted(), "the wrong gold answer is a defect at a 100%/zero-tolerance stage");
    QaScorer.WorkerResult w9 = r.workers().stream().filter(w -> w.worker().equals("w9")).findFirst().orElseThrow();
    assertEquals(List.of(1L, 0L), List.of(w9.goldSeen(), w9.goldCorrect()));
    // Window of 4: j1, j2, j3 clean, the gold miss defective -> 75, not below the threshold of 75.
    assertEquals(75.0, w9.qualityIndex(), 1e-12);
    assertEquals(Mode.SAMPLED, w9.mode());
    assertEquals(2, r.rejectedLots());
    // w0..w2 each had one early defect among 20 items: at worst 75 in a window, so nobody escalated.
    assertEquals(List.of(), r.transitions());
    assertEquals(95.0, r.workers().get(0).overallIndex(), 1e-12);
  }

  @Test void builtinWorkflowsFollowTheSeedsReviewProcesses() throws Exception {
    Workflow sidewalk = Workflow.load("aihub.sidewalk");
    assertEquals(List.of("peer", "manager", "final"), sidewalk.stages().stream().map(Workflow.Stage::name).toList());
    assertEquals(80, sidewalk.stage("final").orElseThrow().sampling().sample(1000).size());
    Workflow cctv = Workflow.load("aihub.cctv");
    assertEquals(List.of("checker", "header", "chief"), cctv.stages().stream().map(Workflow.Stage::name).toList());
    assertEquals(ErrorSeverity.MAJOR, cctv.quality().defectSeverity());
    assertEquals(3, Workflow.load("aihub.corpus").stages().size() + 1);
    org.junit.jupiter.api.Assertions.assertThrows(InputException.class, () -> Workflow.load("aihub.none"));
  }

  @Test void badRecordsNameFileAndLine() throws Exception {
    Workflow wf = new Workflow("w", List.of(new Workflow.Stage("peer", new SamplingPlan.All(0))), QualityPolicy.defaults());
    QaScorer s = new QaScorer(wf, GoldSet.none());
    Path p = records(rec("a", "w", "peer", "accept", "L", 2), "{\"item\":\"b\",\"worker\":\"w\",\"stage\":\"peer\",\"verdict\":\"maybe\"}");
    InputException e = org.junit.jupiter.api.Assertions.assertThrows(InputException.class, () -> ReviewRecords.read(p, s::add));
    assertEquals(2, e.line());
    Path q = records(rec("a", "w", "audit", "accept", "L", 2));
    InputException e2 = org.junit.jupiter.api.Assertions.assertThrows(InputException.class, () -> ReviewRecords.read(q, s::add));
    assertEquals(1, e2.line());
    assertEquals(true, e2.getMessage().contains("stage 'audit' is not in workflow"), e2.getMessage());
  }
}
