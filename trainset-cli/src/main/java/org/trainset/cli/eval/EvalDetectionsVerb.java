package org.trainset.cli.eval;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.trainset.cli.Json;
import org.trainset.cli.OutputOptions;
import org.trainset.cli.ProgressBar;
import org.trainset.cli.UsageException;
import org.trainset.cli.Verb;
import org.trainset.core.io.AtomicOutput;
import org.trainset.eval.coco.CocoEval;
import org.trainset.eval.coco.CocoEvalResult;
import org.trainset.eval.coco.DetectJson;
import org.trainset.eval.coco.IouType;
import org.trainset.eval.plot.CurvePlot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "detect", mixinStandardHelpOptions = true,
    description = {"COCO detection evaluation (AP/AR) with pycocotools' COCOeval semantics.",
        "",
        "AP/AR over IoU .50:.95, area ranges, maxDets 1/10/100; crowd regions; stable",
        "score order. Truth: a COCO annotation file; predictions: a COCO results",
        "list. segm compares masks (polygons rasterised as pycocotools does);",
        "keypoints uses OKS with the COCO sigmas."})
/** {@code trainset eval detect}: scores detections against ground truth (not {@code trainset detect}, which names a dataset's format). */
public final class EvalDetectionsVerb implements Verb {
  @Spec CommandSpec spec;
  @Mixin OutputOptions output;
  @Option(names = "--truth", required = true, paramLabel = "GT.json", description = "COCO ground truth (instances or person_keypoints file).")
  Path truth;
  @Option(names = "--pred", required = true, paramLabel = "RESULTS.json", description = "COCO results: a list of {image_id, category_id, score, bbox|segmentation|keypoints}.")
  Path pred;
  @Option(names = "--iou-type", defaultValue = "bbox", paramLabel = "TYPE", description = "bbox (default), segm or keypoints.")
  String iouType;
  @Option(names = "--plot", paramLabel = "FILE.png", description = "Draw precision-recall curves (all categories, area all) to a PNG file.")
  Path plot;

  @Override public Class<?> group() {
    return EvalGroup.class;
  }

  @Override public Integer call() throws Exception {
    IouType type;
    try {
      type = IouType.of(iouType);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    for (Path f : new Path[] {truth, pred}) {
      if (java.nio.file.Files.isDirectory(f)) throw new UsageException(f + " is a folder; --truth and --pred take COCO JSON files");
    }
    CocoEvalResult r = CocoEval.evaluate(truth, pred, type, ProgressBar.forTerminal(spec.commandLine().getErr(), output));
    if (plot != null) writePlot(r);
    PrintWriter out = spec.commandLine().getOut();
    if (output.json) {
      out.println(Json.write(DetectJson.of(r, type)));
    } else {
      for (CocoEvalResult.Stat s : r.summary()) out.println(" " + s.label() + " = " + fixed3(s.value()));
      out.println();
      out.printf("%-12s %8s %8s %8s %8s%n", "category", "AP", "AP50", "AP75", "AR");
      for (CocoEvalResult.CategoryResult c : r.perCategory()) {
        out.printf(Locale.ROOT, "%-12d %8s %8s %8s %8s%n", c.categoryId(), fixed3(c.ap()), fixed3(c.ap50()), fixed3(c.ap75()), fixed3(c.ar()));
      }
      out.println("(-1: no ground truth for that category/area)");
    }
    return 0;
  }

  /**
   * Three decimals rounded from the exact binary value, half to even, as Python's
   * {@code '{:0.3f}'} does (Java's %.3f rounds the shortest decimal text half up: 0.3625 → 0.363,
   * where pycocotools prints 0.362).
   */
  static String fixed3(double v) {
    return new java.math.BigDecimal(v).setScale(3, java.math.RoundingMode.HALF_EVEN).toPlainString();
  }

  /** PR curves at IoU .50, .75 and averaged over .50:.95, each the mean over categories with ground truth. */
  private void writePlot(CocoEvalResult r) throws java.io.IOException {
    CurvePlot p = new CurvePlot("Precision-recall (area all, all categories)", "Recall", "Precision", false).legendTopRight();
    double[] stats = r.stats();
    double[] rec = r.recallThresholds();
    double[] iou = r.iouThresholds();
    int K = r.categoryIds().size();
    double[] mean = new double[rec.length];
    int[] meanN = new int[rec.length];
    for (int t = 0; t < iou.length; t++) {
      double[] curve = new double[rec.length];
      int[] n = new int[rec.length];
      for (int k = 0; k < K; k++) {
        double[] pk = r.precisionCurve(t, k);
        for (int i = 0; i < rec.length; i++) {
          if (pk[i] > -1) {
            curve[i] += pk[i];
            n[i]++;
            mean[i] += pk[i];
            meanN[i]++;
          }
        }
      }
      for (int i = 0; i < rec.length; i++) curve[i] = n[i] == 0 ? Double.NaN : curve[i] / n[i];
      if (t == 0 || t == 5) p.add(new CurvePlot.Series(String.format(Locale.ROOT, "IoU %.2f (AP %s)", iou[t], fixed3(stats[t == 0 ? 1 : 2])), rec, curve));
    }
    for (int i = 0; i < rec.length; i++) mean[i] = meanN[i] == 0 ? Double.NaN : mean[i] / meanN[i];
    p.add(new CurvePlot.Series("IoU .50:.95 mean (AP " + fixed3(stats[0]) + ")", rec, mean));
    AtomicOutput.writeFile(plot, p::writePng);
  }
}
