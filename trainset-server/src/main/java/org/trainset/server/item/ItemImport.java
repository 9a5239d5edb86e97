package org.trainset.server.item;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import com.fasterxml.jackson.core.JsonGenerator;
import org.trainset.core.Datasets;
import org.trainset.core.io.InputException;
import org.trainset.core.io.SafePaths;
import org.trainset.core.json.ModelJson;
import org.trainset.core.media.AutomaticAttributes;
import org.trainset.core.model.Item;
import org.trainset.core.model.MediaRef;
import org.trainset.core.spi.Format;
import org.trainset.core.spi.ItemCursor;
import org.trainset.core.spi.ReadOptions;
import org.trainset.core.spi.ReadPlan;
import org.trainset.server.ApiException;
import org.trainset.server.Ids;
import org.trainset.server.db.Database;
import org.trainset.server.db.Sql;
import org.trainset.server.http.Http;
import org.trainset.server.media.MediaStore;
import org.trainset.server.project.Project;

/**
 * Streams a dataset read by the library's readers into a project. Items go into a new
 * generation in batches; the last transaction switches the project to it and drops the old one.
 * Until then the project shows its old items, so a failure, a cancellation or a killed process
 * leaves it as it was (a restart deletes the half-written generation, see {@link #dropUnfinished}).
 */
public final class ItemImport {
  /** What an import did. */
  public record Result(long items, long annotations, String format, int generation, long mediaFiles, long mediaMissing) {}

  private static final int BATCH = 1000;

  private final Database db;
  private final MediaStore media;

  public ItemImport(Database db, MediaStore media) {
    this.db = db;
    this.media = media;
  }

  public Result run(Project p, Format format, Path input, ReadOptions options, DoubleConsumer progress,
                    BooleanSupplier cancelled) throws IOException {
    ReadPlan plan = Datasets.plan(format, input, options);
    Path mediaRoot = plan.mediaRootFor(input);
    long totalBytes = plan.parts().stream().mapToLong(x -> x.estimatedBytes()).sum();
    boolean autoAttributes = AutomaticAttributes.any(plan.schema());
    int generation = nextGeneration(p.id());
    long items = 0, annotations = 0, mediaFiles = 0, mediaMissing = 0;
    boolean finished = false;
    try (ItemCursor cursor = Datasets.cursor(plan, options)) {
      List<Object[]> rows = new ArrayList<>();
      List<Object[]> mediaRows = new ArrayList<>();
      for (Item item = cursor.next(); item != null; item = cursor.next()) {
        if (cancelled.getAsBoolean()) throw new java.util.concurrent.CancellationException("cancelled");
        String id = Ids.newId();
        if (autoAttributes) item = withAutomaticAttributes(plan.schema(), mediaRoot, item);
        item = ItemDocuments.store(media, mediaRoot, item);
        rows.add(new Object[] {id, p.id(), generation, items, item.id(), item.subset(), ItemCodec.labels(item.annotations()),
            ItemCodec.body(item), ItemCodec.annotations(item.annotations()), 1, null, System.currentTimeMillis()});
        for (int i = 0; i < item.media().size(); i++) {
          MediaStore.Stored s = store(mediaRoot, item.media().get(i));
          if (s == null) mediaMissing++; else mediaFiles++;
          mediaRows.add(new Object[] {id, i, s == null ? null : s.sha256(), s == null ? null : s.size()});
        }
        items++;
        annotations += item.annotations().size();
        if (rows.size() >= BATCH) {
          insert(rows, mediaRows);
          progress.accept(totalBytes > 0 ? Math.min(0.99, (double) cursor.bytesRead() / totalBytes) : 0.5);
        }
      }
      insert(rows, mediaRows);
      if (cancelled.getAsBoolean()) throw new java.util.concurrent.CancellationException("cancelled");
      String schema = schemaJson(plan);
      final long count = items;
      db.write(c -> {
        int current = Sql.one(c, "SELECT generation FROM projects WHERE id = ?", rs -> rs.getInt(1), p.id()).orElseThrow();
        if (current >= generation) throw ApiException.conflict("another import finished first");
        Sql.update(c, "UPDATE projects SET generation = ?, schema_json = ?, source_format = ?, item_count = ? WHERE id = ?",
            generation, schema, format.id(), count, p.id());
        return null;
      });
      finished = true;
    } finally {
      if (!finished) dropGeneration(p.id(), generation);
    }
    dropOlder(p.id(), generation);
    return new Result(items, annotations, format.id(), generation, mediaFiles, mediaMissing);
  }

  /** The item with the schema's automatic attributes filled from its first media file. */
  private static Item withAutomaticAttributes(org.trainset.core.model.DatasetSchema schema, Path mediaRoot, Item item)
      throws IOException {
    MediaRef first = item.media().isEmpty() ? null : item.media().get(0);
    Path file = null;
    if (first != null && mediaRoot != null) {
      Path f = SafePaths.resolveInside(mediaRoot, first.path());
      if (Files.isRegularFile(f)) file = f;
    }
    Map<String, String> facts = AutomaticAttributes.facts(file, first == null ? null : first.path());
    return item.withAnnotations(AutomaticAttributes.fill(schema, item.annotations(), facts));
  }

  private MediaStore.Stored store(Path mediaRoot, MediaRef ref) throws IOException {
    if (mediaRoot == null) return null;
    Path file;
    try {
      file = SafePaths.resolveInside(mediaRoot, ref.path());
    } catch (InputException e) {
      throw new InputException(mediaRoot, "media-path", "media path '" + ref.path() + "' leaves the dataset folder");
    }
    return Files.isRegularFile(file) ? media.put(file) : null;
  }

  private void insert(List<Object[]> rows, List<Object[]> mediaRows) {
    if (rows.isEmpty()) return;
    db.write(c -> {
      batch(c, "INSERT INTO items (id, project_id, generation, seq, name, subset, labels, body, annotations, version, updated_by, updated_at) "
          + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
      batch(c, "INSERT INTO item_media (item_id, idx, sha256, size) VALUES (?, ?, ?, ?)", mediaRows);
      return null;
    });
    rows.clear();
    mediaRows.clear();
  }

  private static void batch(Connection c, String sql, List<Object[]> rows) throws SQLException {
    if (rows.isEmpty()) return;
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (Object[] r : rows) {
        for (int i = 0; i < r.length; i++) ps.setObject(i + 1, r[i]);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private int nextGeneration(String projectId) {
    return db.read(c -> Sql.one(c, "SELECT MAX(g) FROM (SELECT generation AS g FROM projects WHERE id = ? "
        + "UNION ALL SELECT generation AS g FROM items WHERE project_id = ?) x", rs -> rs.getInt(1), projectId, projectId).orElse(0)) + 1;
  }

  private static String schemaJson(ReadPlan plan) throws IOException {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = Http.MAPPER.getFactory().createGenerator(w)) {
      ModelJson.writeSchema(g, plan.schema());
    }
    return w.toString();
  }

  /** Deletes one generation of a project's items (an unfinished import's, or a replaced one). */
  private void dropGeneration(String projectId, int generation) {
    db.write(c -> deleteWhere(c, "project_id = ? AND generation = ?", projectId, generation));
  }

  private void dropOlder(String projectId, int generation) {
    db.write(c -> deleteWhere(c, "project_id = ? AND generation < ?", projectId, generation));
  }

  /** At start-up: drops every generation newer than its project's (left by a killed import). */
  public static void dropUnfinished(Database db) {
    db.write(c -> deleteWhere(c, "generation > (SELECT p.generation FROM projects p WHERE p.id = items.project_id)"));
  }

  private static int deleteWhere(Connection c, String where, Object... params) throws SQLException {
    String ids = "SELECT id FROM items WHERE " + where;
    Sql.update(c, "DELETE FROM item_media WHERE item_id IN (" + ids + ")", params);
    Sql.update(c, "DELETE FROM item_versions WHERE item_id IN (" + ids + ")", params);
    return Sql.update(c, "DELETE FROM items WHERE " + where, params);
  }
}
