package org.trainset.eval.coco;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.trainset.core.io.ParseLimits;
import org.trainset.core.progress.Progress;

/** Entry point: evaluate a COCO results file against a COCO ground-truth file. */
public final class CocoEval {
  private CocoEval() {}

  public static CocoEvalResult evaluate(Path truth, Path results, IouType type, Progress progress) throws IOException {
    CocoGroundTruth gt = CocoGroundTruth.read(truth, type, ParseLimits.DEFAULT);
    List<CocoAnn> dt = CocoResults.read(results, gt, type, ParseLimits.DEFAULT);
    return new CocoEvaluator(gt, dt, new CocoParams(type)).run(progress);
  }
}
