package org.trainset.server.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.Map;
import java.util.TreeSet;
import org.trainset.publish.Release;
import org.trainset.server.http.Http;
import org.trainset.server.project.Project;

/**
 * A dataset's card, made from its latest release's manifest: how it was built (stages with what
 * the platform knows of each), its statistics for charts, sample, quality, rights; and the tasks
 * its annotation types serve (the catalog's task filter).
 */
final class DatasetCards {
  /** Annotation type → task name. */
  private static final Map<String, String> TASKS = Map.ofEntries(
      Map.entry("box", "detection"), Map.entry("polygon", "segmentation"), Map.entry("mask", "segmentation"),
      Map.entry("points", "keypoints"), Map.entry("polyline", "lines"), Map.entry("tag", "classification"),
      Map.entry("caption", "captioning"), Map.entry("text_pair", "translation"), Map.entry("time_event", "event-detection"),
      Map.entry("track", "tracking"));

  private DatasetCards() {}

  static TreeSet<String> tasks(Collection<String> annotationTypes) {
    TreeSet<String> out = new TreeSet<>();
    for (String t : annotationTypes) out.add(TASKS.getOrDefault(t, t));
    return out;
  }

  static ObjectNode card(Project project, Release.Result result, JsonNode manifest) {
    ObjectNode card = Http.object();
    card.put("family", project.family());
    ArrayNode steps = card.putArray("construction");
    steps.addObject().put("stage", "collect").put("text", "imported into project '" + project.name() + "' from "
        + (project.format() == null ? "an unknown format" : "the " + project.format() + " format")
        + " (generation " + project.generation() + ")");
    JsonNode insp = manifest.path("inspection");
    steps.addObject().put("stage", "inspect").put("text", insp.path("pack").isTextual()
        ? "rule pack " + insp.get("pack").asText() + ": " + insp.path("findings").asLong() + " findings over "
          + insp.path("items").asLong() + " items at freeze time"
        : insp.path("note").asText("not inspected"));
    JsonNode treatment = manifest.path("sample").path("treatment");
    steps.addObject().put("stage", "publish").put("text", "frozen as v" + result.version() + " in "
        + String.join(", ", result.exports().keySet()) + "; sample of " + result.sample().items() + " items"
        + (treatment.isMissingNode() ? "" : ", faces and plates blurred (" + treatment.path("regions").asLong() + " regions)"));
    ObjectNode stats = card.putObject("statistics");
    JsonNode counts = manifest.path("counts");
    for (String k : new String[] {"items", "annotations", "byType", "byLabel", "bySubset", "media"}) {
      if (counts.has(k)) stats.set(k, counts.get(k));
    }
    card.set("sample", manifest.path("sample"));
    card.set("quality", manifest.path("quality"));
    card.set("rights", manifest.path("rights"));
    card.set("formats", manifest.path("formats"));
    ArrayNode tasks = card.putArray("tasks");
    tasks(result.counts().byType().keySet()).forEach(tasks::add);
    return card;
  }
}
