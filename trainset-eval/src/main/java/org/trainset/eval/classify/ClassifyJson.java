package org.trainset.eval.classify;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The binary-classification evaluation as one JSON document: what {@code trainset eval classify
 * --json} prints and what the server's sandbox recipe returns, built in one place so the two
 * cannot differ. NaN (an undefined metric) becomes JSON null.
 */
public final class ClassifyJson {
  private ClassifyJson() {}

  /** The pooled report, per-fold reports when there are several folds, and their mean ± sd. */
  public record Evaluation(BinaryReport all, List<BinaryReport> perFold, Map<String, FoldSummary.MeanSd> cv, double threshold) {}

  public static Evaluation evaluate(List<ClassifyInput.Fold> folds, double threshold) {
    BinaryReport all = BinaryReport.of("all", ClassifyInput.pooled(folds), threshold);
    List<BinaryReport> perFold = new ArrayList<>();
    if (folds.size() > 1) for (ClassifyInput.Fold f : folds) perFold.add(BinaryReport.of(f.name(), f.data(), threshold));
    return new Evaluation(all, perFold, FoldSummary.of(perFold), threshold);
  }

  public static ObjectNode of(Evaluation e) {
    ObjectNode root = report(e.all(), true);
    root.put("threshold", e.threshold());
    root.put("ciMethod", "DeLong (1988), Sun-Xu midranks; Wald 95% interval clipped to [0,1]");
    if (!e.perFold().isEmpty()) {
      ArrayNode arr = root.putArray("folds");
      for (BinaryReport f : e.perFold()) arr.add(report(f, false));
      ObjectNode summary = root.putObject("cv");
      e.cv().forEach((k, v) -> {
        ObjectNode m = summary.putObject(k);
        put(m, "mean", v.mean());
        put(m, "sd", v.sd());
        m.put("folds", v.n());
      });
    }
    return root;
  }

  private static ObjectNode report(BinaryReport r, boolean withCurve) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("name", r.name());
    o.put("samples", r.samples());
    o.put("positives", r.positives());
    o.put("negatives", r.samples() - r.positives());
    r.metrics().forEach((k, v) -> put(o, k, v));
    ObjectNode ci = o.putObject("aucCi95");
    put(ci, "lower", r.ci().lower());
    put(ci, "upper", r.ci().upper());
    put(ci, "variance", r.ci().variance());
    ObjectNode cm = o.putObject("confusion");
    cm.put("tp", r.confusion().tp());
    cm.put("fp", r.confusion().fp());
    cm.put("tn", r.confusion().tn());
    cm.put("fn", r.confusion().fn());
    if (withCurve && r.roc() != null) {
      ObjectNode roc = o.putObject("roc");
      array(roc, "fpr", r.roc().fpr());
      array(roc, "tpr", r.roc().tpr());
      array(roc, "thresholds", r.roc().thresholds());
    }
    return o;
  }

  private static void put(ObjectNode node, String key, double v) {
    if (Double.isFinite(v)) node.put(key, v); else node.putNull(key);
  }

  private static void array(ObjectNode parent, String key, double[] values) {
    ArrayNode a = parent.putArray(key);
    for (double v : values) {
      if (Double.isFinite(v)) a.add(v); else a.addNull();
    }
  }
}
