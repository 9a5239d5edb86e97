package org.trainset.core.spi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.trainset.core.json.ResultJson;

/**
 * One format's answer for a path with its reasons, like Datumaro's detection context: how
 * confident it is, the evidence it saw, why it rejected the path, and which files' heads it read.
 */
public record DetectionReport(Format format, double confidence, List<String> evidence, List<String> reasons,
                              List<String> filesRead) implements Comparable<DetectionReport> {
  public DetectionReport {
    evidence = List.copyOf(evidence);
    reasons = List.copyOf(reasons);
    filesRead = List.copyOf(filesRead);
  }

  public boolean claims() {
    return confidence > FormatDetector.NONE;
  }

  /** Higher confidence first; ties by id. */
  @Override public int compareTo(DetectionReport o) {
    int c = Double.compare(o.confidence, confidence);
    return c != 0 ? c : format.id().compareTo(o.format.id());
  }

  /** {@code {"format", "confidence", "evidence": [...], "reasons": [...], "filesRead": [...]}}. */
  public ObjectNode toJson() {
    ObjectNode n = ResultJson.object().put("format", format.id()).put("confidence", confidence);
    ArrayNode e = n.putArray("evidence");
    evidence.forEach(e::add);
    ArrayNode r = n.putArray("reasons");
    reasons.forEach(r::add);
    ArrayNode f = n.putArray("filesRead");
    filesRead.forEach(f::add);
    return n;
  }
}
