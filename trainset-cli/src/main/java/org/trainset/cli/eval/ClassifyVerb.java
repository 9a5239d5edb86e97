package org.trainset.cli.eval;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.trainset.cli.Json;
import org.trainset.cli.OutputOptions;
import org.trainset.cli.UsageException;
import org.trainset.cli.Verb;
import org.trainset.core.io.AtomicOutput;
import org.trainset.eval.classify.BinaryReport;
import org.trainset.eval.classify.ClassifyInput;
import org.trainset.eval.classify.ClassifyJson;
import org.trainset.eval.classify.FoldSummary;
import org.trainset.eval.plot.CurvePlot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "classify", mixinStandardHelpOptions = true,
    description = {"Binary classification metrics: ROC AUC with a DeLong 95%% CI, sensitivity, specificity, ...",
        "",
        "ROC and AUC handle tied scores as scikit-learn does. At --threshold (score",
        ">= threshold is positive): sensitivity, specificity, PPV, NPV, accuracy and",
        "the confusion matrix. Truth CSV: id,label (0/1). Scores CSV:",
        "id,score[,fold]. Several --scores files, or a fold column, give per-fold",
        "results and mean +- sd."})
public final class ClassifyVerb implements Verb {
  @Spec CommandSpec spec;
  @Mixin OutputOptions output;
  @Option(names = "--truth", required = true, paramLabel = "T.csv", description = "Ground truth: columns id and label (0 or 1).")
  Path truth;
  @Option(names = "--scores", required = true, split = ",", paramLabel = "S.csv",
      description = "Scores: columns id and score (and optionally fold). Repeat (or comma-separate) for one file per fold.")
  List<Path> scores;
  @Option(names = "--threshold", defaultValue = "0.5", paramLabel = "T", description = "Decision threshold (default ${DEFAULT-VALUE}).")
  double threshold;
  @Option(names = "--plot", paramLabel = "FILE.png", description = "Draw the ROC curve(s) to a PNG file.")
  Path plot;

  @Override public Class<?> group() {
    return EvalGroup.class;
  }

  @Override public Integer call() throws Exception {
    if (!Double.isFinite(threshold)) throw new UsageException("--threshold must be a number");
    List<ClassifyInput.Fold> folds = ClassifyInput.read(truth, scores);
    ClassifyJson.Evaluation e = ClassifyJson.evaluate(folds, threshold);
    BinaryReport all = e.all();
    List<BinaryReport> perFold = e.perFold();
    Map<String, FoldSummary.MeanSd> cv = e.cv();
    if (plot != null) writePlot(all, perFold);
    PrintWriter out = spec.commandLine().getOut();
    if (output.json) {
      out.println(Json.write(ClassifyJson.of(e)));
    } else {
      printTable(out, all, perFold, cv);
    }
    return 0;
  }

  private void printTable(PrintWriter out, BinaryReport all, List<BinaryReport> perFold, Map<String, FoldSummary.MeanSd> cv) {
    out.printf("samples %d (positive %d, negative %d), threshold %s%n", all.samples(), all.positives(),
        all.samples() - all.positives(), threshold);
    out.printf("%-12s %10s%n", "metric", perFold.isEmpty() ? "value" : "pooled");
    for (var e : all.metrics().entrySet()) {
      String extra = e.getKey().equals("auc")
          ? "   95% CI " + Numbers.fmt(all.ci().lower()) + " - " + Numbers.fmt(all.ci().upper()) + " (DeLong)" : "";
      out.printf("%-12s %10s%s%n", e.getKey(), Numbers.fmt(e.getValue()), extra);
    }
    var c = all.confusion();
    out.println("confusion      predicted 1  predicted 0");
    out.printf("  actual 1   %12d %12d%n", c.tp(), c.fn());
    out.printf("  actual 0   %12d %12d%n", c.fp(), c.tn());
    if (perFold.isEmpty()) return;
    out.println();
    StringBuilder head = new StringBuilder(String.format("%-16s %7s", "fold", "n"));
    for (String k : all.metrics().keySet()) head.append(String.format(" %11s", k));
    out.println(head);
    for (BinaryReport f : perFold) {
      StringBuilder row = new StringBuilder(String.format("%-16s %7d", f.name(), f.samples()));
      for (double v : f.metrics().values()) row.append(String.format(" %11s", Numbers.fmt(v)));
      out.println(row);
    }
    StringBuilder mean = new StringBuilder(String.format("%-16s %7s", "mean", ""));
    StringBuilder sd = new StringBuilder(String.format("%-16s %7s", "sd", ""));
    for (FoldSummary.MeanSd m : cv.values()) {
      mean.append(String.format(" %11s", Numbers.fmt(m.mean())));
      sd.append(String.format(" %11s", Numbers.fmt(m.sd())));
    }
    out.println(mean);
    out.println(sd);
  }

  private void writePlot(BinaryReport all, List<BinaryReport> perFold) throws java.io.IOException {
    CurvePlot p = new CurvePlot("ROC curve", "False positive rate (1 - specificity)", "True positive rate (sensitivity)", true);
    if (all.roc() != null) p.add(new CurvePlot.Series((perFold.isEmpty() ? "AUC " : "pooled, AUC ") + Numbers.fmt(all.auc()),
        all.roc().fpr(), all.roc().tpr()));
    for (BinaryReport f : perFold) {
      if (f.roc() != null) p.add(new CurvePlot.Series(f.name() + ", AUC " + Numbers.fmt(f.auc()), f.roc().fpr(), f.roc().tpr()));
    }
    var c = all.confusion();
    p.mark(new CurvePlot.Marker("threshold " + threshold, 1 - c.specificity(), c.sensitivity()));
    AtomicOutput.writeFile(plot, p::writePng);
  }
}
