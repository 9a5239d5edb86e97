package org.trainset.server.predict;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.trainset.core.FormatRegistry;
import org.trainset.core.io.InputException;
import org.trainset.core.io.ParseLimits;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.AnnotationMeta;
import org.trainset.core.model.Box;
import org.trainset.core.model.DatasetSchema;
import org.trainset.core.model.Item;
import org.trainset.core.model.LabelDef;
import org.trainset.core.json.ModelJson;
import org.trainset.core.spi.Format;
import org.trainset.core.spi.ItemCursor;
import org.trainset.core.spi.ReadOptions;
import org.trainset.core.spi.ReadPlan;
import org.trainset.eval.coco.CocoAnn;
import org.trainset.eval.coco.CocoGroundTruth;
import org.trainset.eval.coco.CocoResults;
import org.trainset.eval.coco.IouType;
import org.trainset.server.ApiException;
import org.trainset.server.audit.AuditLog;
import org.trainset.server.auth.Principal;
import org.trainset.server.db.Database;
import org.trainset.server.db.Sql;
import org.trainset.server.http.Http;
import org.trainset.server.ops.Archives;
import org.trainset.server.ops.Operations;
import org.trainset.server.project.Project;

/**
 * Model predictions → drafts. A COCO results file is read by the eval module's reader (the one
 * {@code trainset eval coco} uses) against the project's images and categories; any other
 * dataset the server reads comes as an archive, is read by its format's reader and matched to the
 * project's items by item name. A prediction's {@code score} (COCO's top-level score, or the
 * annotation attribute {@code score}) is kept with the draft.
 */
public final class Predictions {
  /** What an import stored. */
  public record Result(int drafts, int items, int unmatched, String format) {
    public ObjectNode toJson() {
      return Http.object().put("drafts", drafts).put("items", items).put("unmatched", unmatched).put("format", format);
    }
  }

  private final Database db;
  private final FormatRegistry formats;
  private final Archives.Limits limits;
  private final AuditLog audit;
  private final Clock clock;

  public Predictions(Database db, FormatRegistry formats, Archives.Limits limits, AuditLog audit, Clock clock) {
    this.db = db;
    this.formats = formats;
    this.limits = limits;
    this.audit = audit;
    this.clock = clock;
  }

  /** Imports {@code file} (named {@code fileName} by the client) into drafts of {@code project}'s current items. */
  /**
   * Starts {@link #importFile} as a background operation (kind {@code predictions}) that owns and
   * finally deletes {@code file}; an empty file is refused at once.
   */
  public String start(Operations operations, Principal p, Project project, Path file, String fileName, String formatId)
      throws IOException {
    try {
      if (Files.size(file) == 0) throw ApiException.badRequest("file: empty");
      return operations.start(p, project.id(), "predictions", ctx -> {
        try {
          return importFile(p, project, file, fileName, formatId).toJson();
        } finally {
          Files.deleteIfExists(file);
        }
      });
    } catch (RuntimeException | IOException e) {
      Files.deleteIfExists(file);
      throw e;
    }
  }

  public Result importFile(Principal p, Project project, Path file, String fileName, String formatId) throws IOException {
    if (Files.size(file) == 0) throw ApiException.badRequest("file: empty");
    Map<String, List<Drafts.NewDraft>> byItem = new HashMap<>();
    int[] unmatched = {0};
    String format;
    if (startsWithArray(file)) {
      format = "coco-results";
      cocoResults(project, file, fileName, byItem);
    } else {
      Path dir = Files.createTempDirectory(file.getParent(), "predictions");
      try {
        Archives.extract(file, fileName, dir, limits);
        Format f = formatId != null ? formats.find(formatId).orElseThrow(() -> ApiException.badRequest("format: unknown format '" + formatId + "'"))
            : formats.detect(dir);
        format = f.id();
        dataset(project, f, dir, byItem, unmatched);
      } finally {
        deleteTree(dir);
      }
    }
    long now = clock.millis();
    int total = byItem.values().stream().mapToInt(List::size).sum();
    db.write(c -> {
      for (var e : byItem.entrySet()) {
        for (Drafts.NewDraft d : e.getValue()) Drafts.insert(c, e.getKey(), project.id(), d, p.userId(), now);
      }
      audit.append(c, new AuditLog.Entry(p.userId(), "predictions.import", "project", project.id(),
          Http.object().put("format", format).put("drafts", total).put("file", fileName)));
      return null;
    });
    return new Result(total, byItem.size(), unmatched[0], format);
  }

  /** COCO results: image ids of the project's COCO import, category ids of its schema. */
  private void cocoResults(Project project, Path file, String fileName, Map<String, List<Drafts.NewDraft>> byItem) throws IOException {
    Map<Long, String> itemByImage = new HashMap<>();
    Path gt = Files.createTempFile(file.getParent(), "coco-gt", ".json");
    try {
      try (JsonGenerator g = Http.MAPPER.getFactory().createGenerator(Files.newOutputStream(gt))) {
        g.writeStartObject();
        g.writeArrayFieldStart("images");
        for (String[] row : db.read(c -> Sql.list(c, "SELECT id, body FROM items WHERE project_id = ? AND generation = ?",
            rs -> new String[] {rs.getString(1), rs.getString(2)}, project.id(), project.generation()))) {
          JsonNode body = Http.MAPPER.readTree(row[1]);
          JsonNode imageId = body.path("attributes").path("id");
          if (!imageId.canConvertToLong() || !imageId.isIntegralNumber()) continue;
          itemByImage.put(imageId.asLong(), row[0]);
          g.writeStartObject();
          g.writeNumberField("id", imageId.asLong());
          JsonNode m = body.path("media").path(0);
          if (m.hasNonNull("width")) g.writeNumberField("width", m.get("width").asInt());
          if (m.hasNonNull("height")) g.writeNumberField("height", m.get("height").asInt());
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("categories");
        for (LabelDef l : schema(project).labels()) {
          if (l.id() != null) {
            g.writeStartObject();
            g.writeNumberField("id", l.id());
            g.writeStringField("name", l.name());
            g.writeEndObject();
          }
        }
        g.writeEndArray();
        g.writeArrayFieldStart("annotations");
        g.writeEndArray();
        g.writeEndObject();
      }
      if (itemByImage.isEmpty()) {
        throw ApiException.badRequest("file: the project's items have no COCO image ids; import the COCO dataset first, "
            + "or send the predictions as a dataset archive (matched by item name)");
      }
      Map<Long, String> labels = new HashMap<>();
      for (LabelDef l : schema(project).labels()) if (l.id() != null) labels.put((long) l.id(), l.name());
      List<CocoAnn> results;
      try {
        results = CocoResults.read(file, CocoGroundTruth.read(gt, IouType.BBOX, ParseLimits.DEFAULT), IouType.BBOX, ParseLimits.DEFAULT);
      } catch (InputException e) {
        throw ApiException.badRequest("file " + fileName + ": " + e.getMessage().replace(file.toString(), fileName));
      }
      for (CocoAnn a : results) {
        String label = labels.get(a.categoryId);
        if (label == null) {
          throw ApiException.badRequest("file " + fileName + " line " + a.line + ": category_id " + a.categoryId + " is not a category of the project");
        }
        AnnotationMeta meta = new AnnotationMeta(null, label, Map.of(), null, 0, false, "coco-results");
        byItem.computeIfAbsent(itemByImage.get(a.imageId), k -> new ArrayList<>())
            .add(new Drafts.NewDraft(new Box(meta, a.bbox[0], a.bbox[1], a.bbox[2], a.bbox[3]), a.score, "predictions:coco-results"));
      }
    } finally {
      Files.deleteIfExists(gt);
    }
  }

  /** A dataset in any readable format: items matched by name, every annotation a draft. */
  private void dataset(Project project, Format f, Path dir, Map<String, List<Drafts.NewDraft>> byItem, int[] unmatched) throws IOException {
    Map<String, String> idByName = new HashMap<>();
    db.read(c -> Sql.list(c, "SELECT id, name FROM items WHERE project_id = ? AND generation = ?",
        rs -> idByName.put(rs.getString(2), rs.getString(1)), project.id(), project.generation()));
    ReadPlan plan = org.trainset.core.Datasets.plan(f, dir, ReadOptions.defaults());
    try (ItemCursor cursor = org.trainset.core.Datasets.cursor(plan, ReadOptions.defaults())) {
      for (Item item = cursor.next(); item != null; item = cursor.next()) {
        String itemId = idByName.get(item.id());
        if (itemId == null) {
          unmatched[0] += item.annotations().size();
          continue;
        }
        for (Annotation a : item.annotations()) {
          Object score = a.meta().attributes().get("score");
          Double s = score instanceof Number n ? n.doubleValue() : null;
          String source = "predictions:" + f.id();
          byItem.computeIfAbsent(itemId, k -> new ArrayList<>())
              .add(new Drafts.NewDraft(a.withMeta(a.meta().withSource(a.meta().source() == null ? source : a.meta().source())), s, source));
        }
      }
    }
  }

  private static DatasetSchema schema(Project p) throws IOException {
    return p.schemaJson() == null ? DatasetSchema.empty() : ModelJson.readSchema(Http.MAPPER.readTree(p.schemaJson()));
  }

  private static boolean startsWithArray(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      for (int b = in.read(); b >= 0; b = in.read()) {
        if (b == '[') return true;
        if (b == 0xEF || b == 0xBB || b == 0xBF || Character.isWhitespace(b)) continue;
        return false;
      }
      return false;
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    try (var s = Files.walk(dir)) {
      for (Path x : (Iterable<Path>) s.sorted(java.util.Comparator.reverseOrder())::iterator) Files.deleteIfExists(x);
    }
  }
}
