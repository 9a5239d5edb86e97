package org.trainset.server.item;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.trainset.core.DatasetSource;
import org.trainset.core.io.SafePaths;
import org.trainset.core.json.ModelJson;
import org.trainset.core.model.DatasetSchema;
import org.trainset.core.model.Item;
import org.trainset.core.model.MediaRef;
import org.trainset.core.spi.ItemCursor;
import org.trainset.core.spi.ReadOptions;
import org.trainset.core.spi.ReadPart;
import org.trainset.core.spi.ReadPlan;
import org.trainset.server.db.Database;
import org.trainset.server.db.Sql;
import org.trainset.server.http.Http;
import org.trainset.server.media.MediaStore;
import org.trainset.server.project.Project;

/**
 * A project's current items as a core {@link ReadPlan}, so the library's services (stats,
 * validation, inspection, conversion) run over the database unchanged. Items are paged by
 * sequence number. When a media view folder is given, each item's stored media files are linked
 * there under their relative paths as the item is read, and the plan's media root is that
 * folder, so writers that copy media find them.
 */
public final class ProjectDataset {
  private static final int PAGE = 500;

  private ProjectDataset() {}

  /** The project's items as a library {@link DatasetSource} (stats, validation, inspection). */
  public static DatasetSource source(Database db, MediaStore media, Project p, Path mediaView) throws IOException {
    ReadPlan plan = plan(db, media, p, mediaView);
    DatasetSource source = DatasetSource.of(plan.schema(), problems -> plan.parts().get(0).open(ReadOptions.defaults()));
    return mediaView == null ? source : source.withMediaRoot(mediaView);
  }

  public static ReadPlan plan(Database db, MediaStore media, Project p, Path mediaView) throws IOException {
    DatasetSchema schema = p.schemaJson() == null ? new DatasetSchema(p.name(), java.util.Map.of(), List.of(), List.of())
        : ModelJson.readSchema(Http.MAPPER.readTree(p.schemaJson()));
    ReadPart part = new Part(db, media, p.id(), p.generation(), p.name(), mediaView);
    return new ReadPlan(schema, List.of(part), mediaView == null ? null : mediaView.toString());
  }

  /**
   * The one part: every item of one generation, in order, except items dropped in a dedup job's
   * keep/drop decisions (exports and releases read through here). Not for other JVMs (holds the database).
   */
  private static final class Part implements ReadPart {
    private static final long serialVersionUID = 1L;
    private final transient Database db;
    private final transient MediaStore media;
    private final String projectId;
    private final int generation;
    private final String name;
    private final Path mediaView;

    Part(Database db, MediaStore media, String projectId, int generation, String name, Path mediaView) {
      this.db = db;
      this.media = media;
      this.projectId = projectId;
      this.generation = generation;
      this.name = name;
      this.mediaView = mediaView;
    }

    @Override public String describe() {
      return "project " + name;
    }

    @Override public ItemCursor open(ReadOptions options) {
      return new Cursor();
    }

    private record Row(String id, String body, String annotations) {}

    private final class Cursor implements ItemCursor {
      private final Deque<Row> buffer = new ArrayDeque<>();
      private long lastSeq = -1;
      private boolean exhausted;

      @Override public Item next() throws IOException {
        if (buffer.isEmpty() && !exhausted) fill();
        Row r = buffer.pollFirst();
        if (r == null) return null;
        Item item = ItemCodec.item(r.body(), r.annotations());
        if (mediaView != null) link(r.id(), item);
        return ItemDocuments.restore(media, mediaView, item);
      }

      private void fill() {
        List<Object[]> rows = db.read(c -> Sql.list(c,
            "SELECT seq, id, body, annotations FROM items WHERE project_id = ? AND generation = ? AND seq > ? "
            + "AND id NOT IN (SELECT item_id FROM dedup_members WHERE keep = 0) ORDER BY seq LIMIT ?",
            rs -> new Object[] {rs.getLong(1), new Row(rs.getString(2), rs.getString(3), rs.getString(4))},
            projectId, generation, lastSeq, PAGE));
        for (Object[] o : rows) buffer.add((Row) o[1]);
        if (!rows.isEmpty()) lastSeq = (Long) rows.get(rows.size() - 1)[0];
        if (rows.size() < PAGE) exhausted = true;
      }

      private void link(String itemId, Item item) throws IOException {
        List<StoredItem.MediaFile> files;
        try {
          files = db.read(c -> Items.mediaFiles(c, itemId));
        } catch (Database.DatabaseException e) {
          throw new IOException(e);
        }
        for (StoredItem.MediaFile f : files) {
          if (f.sha256() == null || f.index() >= item.media().size()) continue;
          MediaRef ref = item.media().get(f.index());
          Path dest = SafePaths.resolveInside(mediaView, ref.path());
          if (Files.exists(dest)) continue;
          Files.createDirectories(dest.getParent());
          try {
            Files.createLink(dest, media.pathOf(f.sha256()));
          } catch (FileAlreadyExistsException ignored) {
            // the same file listed twice
          } catch (UnsupportedOperationException | IOException e) {
            Files.copy(media.pathOf(f.sha256()), dest);
          }
        }
      }

      @Override public void close() {
        buffer.clear();
      }
    }
  }

}
