package org.trainset.cli.inspect;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.trainset.cli.Json;
import org.trainset.cli.OutputOptions;
import org.trainset.cli.Verb;
import org.trainset.inspect.review.GoldSet;
import org.trainset.inspect.review.QaScorer;
import org.trainset.inspect.review.QualityTracker;
import org.trainset.inspect.review.ReviewRecords;
import org.trainset.inspect.review.Workflow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "score", mixinStandardHelpOptions = true,
    description = {"Score review records (JSONL) against a workflow: per-worker quality index, escalation to",
        "100% inspection and back, gold-item accuracy, and lot acceptance by each stage's sampling plan.",
        "Exit 1 when a lot is rejected or under-sampled."})
public final class QaScoreVerb implements Verb {
  @Spec CommandSpec spec;
  @Mixin OutputOptions output;
  @Parameters(paramLabel = "RECORDS", description = "Review records, one JSON object per line.") Path records;
  @Option(names = "--workflow", required = true, paramLabel = "ID|FILE",
      description = "Workflow YAML/JSON (stages, sampling, quality), or a built-in: aihub.sidewalk, aihub.cctv, aihub.corpus.")
  String workflowName;
  @Option(names = "--gold", paramLabel = "FILE", description = "Gold items with known answers (JSONL: item, answer).")
  Path goldFile;

  @Override public Class<?> group() {
    return QaGroup.class;
  }

  @Override public Integer call() throws Exception {
    Workflow workflow = Workflow.load(workflowName);
    GoldSet gold = goldFile == null ? GoldSet.none() : GoldSet.read(goldFile);
    QaScorer scorer = new QaScorer(workflow, gold);
    ReviewRecords.read(records, scorer::add);
    QaScorer.Report r = scorer.report();
    long bad = r.lots().stream().filter(l -> !l.accepted() || l.underSampled()).count();
    var out = spec.commandLine().getOut();
    if (output.json) {
      ObjectNode root = Json.object();
      root.put("workflow", workflow.name()).put("records", r.records()).put("rejectedLots", r.rejectedLots());
      var ws = root.putArray("workers");
      for (var w : r.workers()) {
        ws.addObject().put("worker", w.worker()).put("items", w.items()).put("defects", w.defects())
            .put("qualityIndex", num(w.qualityIndex())).put("overallIndex", num(w.overallIndex()))
            .put("mode", w.mode().name().toLowerCase()).put("goldSeen", w.goldSeen()).put("goldCorrect", w.goldCorrect());
      }
      var ls = root.putArray("lots");
      for (var l : r.lots()) {
        ls.addObject().put("stage", l.stage()).put("lot", l.lot()).put("lotSize", l.lotSize())
            .put("inspected", l.inspected()).put("required", l.required()).put("defects", l.defects())
            .put("accept", l.accept()).put("reject", l.reject()).put("basis", l.basis())
            .put("accepted", l.accepted()).put("underSampled", l.underSampled());
      }
      var ts = root.putArray("transitions");
      for (QualityTracker.Transition t : r.transitions()) {
        ts.addObject().put("worker", t.worker()).put("to", t.to().name().toLowerCase()).put("qualityIndex", num(t.qualityIndex()))
            .put("record", t.observation()).put("item", t.item());
      }
      out.println(Json.write(root));
    } else {
      out.printf("%d review records, workflow %s%n", r.records(), workflow.name());
      for (var w : r.workers()) {
        out.printf("worker %-12s items %6d defects %5d quality %6.1f overall %6.1f %s%s%n", w.worker(), w.items(),
            w.defects(), w.qualityIndex(), w.overallIndex(), w.mode() == QualityTracker.Mode.FULL ? "100% INSPECTION" : "sampled",
            w.goldSeen() > 0 ? "  gold " + w.goldCorrect() + "/" + w.goldSeen() : "");
      }
      for (var t : r.transitions()) {
        out.printf("record %d: %s -> %s (quality %.1f, item %s)%n", t.observation(), t.worker(),
            t.to() == QualityTracker.Mode.FULL ? "100% inspection" : "sampling", t.qualityIndex(), t.item());
      }
      for (var l : r.lots()) {
        out.printf("%s lot %s: %d of %d inspected (need %d), %d defects, Ac %d Re %d -> %s%s [%s]%n", l.stage(), l.lot(),
            l.inspected(), l.lotSize(), l.required(), l.defects(), l.accept(), l.reject(),
            l.accepted() ? "accepted" : "REJECTED", l.underSampled() ? ", UNDER-SAMPLED" : "", l.basis());
      }
    }
    return bad > 0 ? 1 : 0;
  }

  static double num(double v) {
    return Double.isNaN(v) ? 0 : Math.round(v * 1e6) / 1e6;
  }
}
