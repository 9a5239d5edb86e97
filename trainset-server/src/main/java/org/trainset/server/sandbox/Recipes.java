package org.trainset.server.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trainset.core.DatasetSource;
import org.trainset.core.FormatRegistry;
import org.trainset.core.model.Item;
import org.trainset.core.progress.Progress;
import org.trainset.core.spi.Format;
import org.trainset.core.spi.ItemCursor;
import org.trainset.core.spi.ReadOptions;
import org.trainset.core.stats.Statistics;
import org.trainset.eval.classify.ClassifyInput;
import org.trainset.eval.classify.ClassifyJson;
import org.trainset.eval.coco.CocoEval;
import org.trainset.eval.coco.DetectJson;
import org.trainset.eval.coco.IouType;
import org.trainset.formats.trainset.TrainsetFormat;
import org.trainset.inspect.Inspection;
import org.trainset.inspect.agreement.CohenKappa;
import org.trainset.inspect.rules.RulePacks;

/**
 * The built-in jobs: the library's own services over the release, safe by construction (they
 * return counts and metrics, never items). Each returns the JSON its CLI verb prints, or a subset of
 * it without item names; the result still goes through output checking.
 *
 * <ul>
 *   <li>{@code stats}: {@link Statistics#run} over the native export ({@code trainset stats --json});</li>
 *   <li>{@code rules}: {@link Inspection#run} with the family's rule pack over the release's export in
 *       its source format: counts by severity and rule, no findings listed;</li>
 *   <li>{@code eval-classify}: a predictions CSV ({@code id,score[,fold]}) against the held-back truth,
 *       an attribute of the items ({@code attribute}, {@code positive}): {@code trainset eval classify --json};</li>
 *   <li>{@code eval-detect}: COCO results against a COCO file of the release ({@code truth}, {@code iouType}):
 *       {@code trainset eval detect --json};</li>
 *   <li>{@code agreement}: Cohen's kappa between predicted labels ({@code id,label}) and an attribute.</li>
 * </ul>
 */
public final class Recipes {
  public static final Set<String> NAMES = Set.of("stats", "rules", "eval-classify", "eval-detect", "agreement");
  private static final ObjectMapper JSON = new ObjectMapper();

  private Recipes() {}

  /** A recipe's input was wrong: the message names the field. */
  public static final class RecipeException extends IllegalArgumentException {
    public RecipeException(String message) {
      super(message);
    }
  }

  /** Checks a recipe request before it is queued; the uploaded file is needed by the eval and agreement recipes. */
  public static void validate(JsonNode spec, boolean hasFile) {
    String name = spec.path("recipe").asText("");
    if (!NAMES.contains(name)) throw new RecipeException("recipe: one of " + new java.util.TreeSet<>(NAMES) + ", got '" + name + "'");
    boolean needsFile = name.startsWith("eval-") || name.equals("agreement");
    if (needsFile && !hasFile) throw new RecipeException("predictions: the " + name + " recipe needs a predictions file");
    if ((name.equals("eval-classify") || name.equals("agreement")) && spec.path("attribute").asText("").isBlank()) {
      throw new RecipeException("attribute: required for " + name + " (the item attribute holding the truth)");
    }
    if (name.equals("eval-classify") && spec.path("positive").asText("").isBlank()) {
      throw new RecipeException("positive: required for eval-classify (the attribute value that counts as label 1)");
    }
    if (name.equals("eval-detect")) {
      if (spec.path("truth").asText("").isBlank()) throw new RecipeException("truth: required for eval-detect (a COCO file of the release)");
      IouType.of(spec.path("iouType").asText("bbox"));
    }
  }

  /** Runs the recipe over {@code release}; {@code predictions} is the uploaded file or null; {@code scratch} is private. */
  public static ObjectNode run(JsonNode spec, Path release, Path predictions, Path scratch, FormatRegistry formats)
      throws IOException {
    String name = spec.path("recipe").asText();
    Path nativeData = release.resolve("data").resolve("trainset");
    ObjectNode result = switch (name) {
      case "stats" -> Statistics.run(new TrainsetFormat(), nativeData, ReadOptions.defaults(), Progress.NONE).toJson();
      case "rules" -> rules(spec, release, formats);
      case "eval-classify" -> {
        Path truth = scratch.resolve("truth.csv");
        StringBuilder csv = new StringBuilder("id,label\n");
        String positive = spec.path("positive").asText();
        truth(nativeData, spec.path("attribute").asText()).forEach((id, v) ->
            csv.append(csvCell(id)).append(',').append(positive.equals(v) ? 1 : 0).append('\n'));
        Files.writeString(truth, csv, StandardCharsets.UTF_8);
        double threshold = spec.path("threshold").asDouble(0.5);
        yield ClassifyJson.of(ClassifyJson.evaluate(ClassifyInput.read(truth, List.of(predictions)), threshold));
      }
      case "eval-detect" -> {
        Path truth = inside(release, spec.path("truth").asText());
        IouType type = IouType.of(spec.path("iouType").asText("bbox"));
        yield DetectJson.of(CocoEval.evaluate(truth, predictions, type, Progress.NONE), type);
      }
      case "agreement" -> agreement(spec, nativeData, predictions);
      default -> throw new RecipeException("recipe: unknown '" + name + "'");
    };
    ObjectNode out = JSON.createObjectNode();
    out.put("recipe", name);
    out.set("result", result);
    return out;
  }

  private static ObjectNode rules(JsonNode spec, Path release, FormatRegistry formats) throws IOException {
    JsonNode manifest = JSON.readTree(release.resolve("manifest.json").toFile());
    String source = manifest.path("sourceFormat").asText(null);
    String packName = spec.path("pack").asText(null);
    if (packName != null && !RulePacks.builtinIds().contains(packName)) {
      throw new RecipeException("pack: '" + packName + "' is not a built-in rule pack (" + RulePacks.builtinIds() + ")");
    }
    Path data = source == null ? null : release.resolve("data").resolve(source);
    if (data == null || !Files.isDirectory(data)) {
      throw new RecipeException("rules: the release has no export in its source format to inspect");
    }
    Format format = formats.require(source);
    Inspection.Result r = Inspection.run(format, data, ReadOptions.defaults(), Inspection.packFor(packName, source),
        new Inspection.Options(0, null, null, 0), Progress.NONE);
    ObjectNode o = r.toJson();
    o.remove("shown");
    return o;
  }

  private static ObjectNode agreement(JsonNode spec, Path nativeData, Path predictions) throws IOException {
    Map<String, String> truth = truth(nativeData, spec.path("attribute").asText());
    List<Object> a = new ArrayList<>();
    List<Object> b = new ArrayList<>();
    List<String> lines = Files.readAllLines(predictions, StandardCharsets.UTF_8);
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) continue;
      int comma = line.indexOf(',');
      if (comma < 0) throw new RecipeException("predictions: line " + (i + 1) + ": expected id,label");
      String t = truth.get(line.substring(0, comma).trim());
      if (t == null) continue;
      a.add(t);
      b.add(line.substring(comma + 1).trim());
    }
    if (a.isEmpty()) throw new RecipeException("predictions: no id matches an item of the dataset");
    ObjectNode o = JSON.createObjectNode();
    o.put("attribute", spec.path("attribute").asText()).put("items", a.size());
    double k = CohenKappa.of(a, b);
    if (Double.isFinite(k)) o.put("cohenKappa", k); else o.putNull("cohenKappa");
    return o;
  }

  /** Each item's value of {@code attribute}, by item id, in dataset order. */
  static Map<String, String> truth(Path nativeData, String attribute) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    DatasetSource source = DatasetSource.open(new TrainsetFormat(), nativeData, ReadOptions.defaults());
    try (ItemCursor c = source.open(null)) {
      for (Item it; (it = c.next()) != null; ) {
        Object v = it.attributes().get(attribute);
        if (v != null) out.put(it.id(), v.toString());
      }
    }
    if (out.isEmpty()) throw new RecipeException("attribute: no item has attribute '" + attribute + "'");
    return out;
  }

  /** A path inside the release (no escape through {@code ..} or links). */
  static Path inside(Path release, String rel) throws IOException {
    Path p = release.resolve(rel).normalize();
    if (!p.startsWith(release) || !Files.isRegularFile(p) || !p.toRealPath().startsWith(release.toRealPath())) {
      throw new RecipeException("truth: '" + rel + "' is not a file of the release");
    }
    return p;
  }

  private static String csvCell(String s) {
    return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }
}
