package org.trainset.server.item;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.trainset.core.model.Annotation;
import org.trainset.server.ApiException;
import org.trainset.server.auth.Principal;
import org.trainset.server.db.Database;
import org.trainset.server.db.Sql;
import org.trainset.server.http.Http;
import org.trainset.server.project.Project;
import org.trainset.server.project.Projects;

/**
 * Items of projects: pages for the browser, one item with its version, and annotation saves that
 * carry the version they edit (compare-and-set: a stale version gets 409, nothing is lost).
 */
public final class Items {
  private static final String COLUMNS = "id, project_id, name, subset, labels, body, annotations, version, updated_by, updated_at";

  private final Database db;
  private final Projects projects;
  private volatile ItemGuard guard = ItemGuard.OPEN;

  private final AutoFill autoFill;

  public Items(Database db, Projects projects, AutoFill autoFill) {
    this.db = db;
    this.projects = projects;
    this.autoFill = autoFill;
  }

  /** The annotate stage's rules (jobs) for opening and editing items; set once by the platform. */
  public void guard(ItemGuard g) {
    this.guard = g;
  }

  /** A page of the project's current items, in dataset order, filtered. */
  public ObjectNode page(Project p, int offset, int limit, String label, String subset, String q) {
    StringBuilder where = new StringBuilder(" FROM items WHERE project_id = ? AND generation = ?");
    List<Object> params = new ArrayList<>(List.of(p.id(), p.generation()));
    if (label != null && !label.isEmpty()) {
      where.append(" AND labels LIKE ? ESCAPE '\\'");
      params.add("%|" + likeEscape(label) + "|%");
    }
    if (subset != null && !subset.isEmpty()) {
      where.append(" AND subset = ?");
      params.add(subset);
    }
    if (q != null && !q.isEmpty()) {
      where.append(" AND name LIKE ? ESCAPE '\\'");
      params.add("%" + likeEscape(q) + "%");
    }
    return db.read(c -> {
      long total = Sql.count(c, "SELECT COUNT(*)" + where, params.toArray());
      List<Object> pageParams = new ArrayList<>(params);
      pageParams.add(limit);
      pageParams.add(offset);
      List<StoredItem> rows = Sql.list(c, "SELECT " + COLUMNS + where + " ORDER BY seq LIMIT ? OFFSET ?",
          rs -> row(rs, List.of()), pageParams.toArray());
      ObjectNode out = Http.object().put("total", total).put("offset", offset);
      ArrayNode items = out.putArray("items");
      for (StoredItem s : rows) items.add(summary(c, s));
      return out;
    });
  }

  /** The item when {@code p} may see its project; 404 otherwise (also for items of old generations). */
  public StoredItem require(Principal p, String itemId) {
    StoredItem s = db.read(c -> byId(c, itemId)).orElseThrow(() -> ApiException.notFound("item " + itemId));
    Project pr = projects.require(p, s.projectId()); // object-level check: 404 for other organisations
    if (!db.read(c -> Sql.count(c, "SELECT COUNT(*) FROM items WHERE id = ? AND generation = ?", itemId, pr.generation()) > 0)) {
      throw ApiException.notFound("item " + itemId);
    }
    guard.checkRead(p, s);
    return s;
  }

  /** As {@link #require}, and {@code p} may change its annotations (jobs' rules). */
  public StoredItem requireWritable(Principal p, String itemId) {
    StoredItem s = require(p, itemId);
    guard.checkWrite(p, s);
    return s;
  }

  /** The item in the model's JSON, plus id, name, project, version and media URLs. */
  public ObjectNode toJson(StoredItem s) throws IOException {
    ObjectNode body = (ObjectNode) Http.MAPPER.readTree(s.body());
    ObjectNode out = Http.object().put("id", s.id()).put("name", s.name()).put("projectId", s.projectId())
        .put("version", s.version());
    out.put("subset", s.subset());
    out.set("media", media(s.id(), (ArrayNode) body.path("media"), s.media()));
    if (body.has("attributes")) out.set("attributes", body.get("attributes"));
    out.set("annotations", ItemCodec.array(s.annotations()));
    out.set("documents", ItemDocuments.toJson(s.id(), ItemCodec.item(s.body(), "[]").documents()));
    out.put("updatedBy", s.updatedBy()).put("updatedAt", s.updatedAt());
    return out;
  }

  /**
   * Replaces the item's annotations when its version is still {@code expectedVersion}; records
   * the new version (who, when, what) in the same transaction.
   */
  public int save(Principal p, String itemId, int expectedVersion, List<Annotation> annotations) {
    return save(p, itemId, expectedVersion, annotations, c -> null);
  }

  /**
   * As {@link #save(Principal, String, int, List)}, running {@code alsoInTx} in the same
   * transaction after the new version is written (an accepted draft is deleted with it).
   */
  public int save(Principal p, String itemId, int expectedVersion, List<Annotation> sent, Database.Tx<?> alsoInTx) {
    StoredItem current = require(p, itemId);
    guard.checkWrite(p, current);
    // automatic attributes come from the stored media, never from the client
    List<Annotation> annotations = autoFill.apply(projects.require(p, current.projectId()), current, sent);
    String json;
    try {
      json = ItemCodec.annotations(annotations);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String summary = summary(current, annotations);
    long now = System.currentTimeMillis();
    return db.write(c -> {
      int newVersion = expectedVersion + 1;
      int changed = Sql.update(c, "UPDATE items SET annotations = ?, labels = ?, version = ?, updated_by = ?, updated_at = ? "
          + "WHERE id = ? AND version = ?", json, ItemCodec.labels(annotations), newVersion, p.username(), now, itemId, expectedVersion);
      if (changed == 0) {
        int actual = Sql.one(c, "SELECT version FROM items WHERE id = ?", rs -> rs.getInt(1), itemId).orElse(-1);
        throw ApiException.conflict("If-Match: version " + expectedVersion + " is stale; the item is at version " + actual);
      }
      Sql.update(c, "INSERT INTO item_versions (item_id, version, annotations, author, created_at, summary) VALUES (?, ?, ?, ?, ?, ?)",
          itemId, newVersion, json, p.username(), now, summary);
      guard.saved(c, p, itemId);
      alsoInTx.run(c);
      return newVersion;
    });
  }

  /** Every saved version of the item, oldest first (saves start at version 2; version 1 is the import). */
  public ArrayNode versions(StoredItem s) {
    return db.read(c -> {
      ArrayNode out = Http.MAPPER.createArrayNode();
      for (ObjectNode v : Sql.list(c, "SELECT version, author, created_at, summary, annotations FROM item_versions WHERE item_id = ? ORDER BY version",
          rs -> {
            ObjectNode n = Http.object().put("version", rs.getInt(1)).put("author", rs.getString(2))
                .put("createdAt", rs.getLong(3)).put("summary", rs.getString(4));
            try {
              n.set("annotations", ItemCodec.array(rs.getString(5)));
            } catch (IOException e) {
              throw new SQLException("stored annotations are not JSON", e);
            }
            return n;
          }, s.id())) {
        out.add(v);
      }
      return out;
    });
  }

  private static String summary(StoredItem before, List<Annotation> after) {
    int was;
    try {
      was = ItemCodec.array(before.annotations()).size();
    } catch (IOException e) {
      was = -1;
    }
    return "annotations " + was + " -> " + after.size() + "; labels " + ItemCodec.labels(after);
  }

  private ObjectNode summary(Connection c, StoredItem s) throws SQLException {
    ObjectNode n = Http.object().put("id", s.id()).put("name", s.name()).put("subset", s.subset()).put("version", s.version());
    ArrayNode labels = n.putArray("labels");
    ItemCodec.labelList(s.labels()).forEach(labels::add);
    try {
      n.put("annotationCount", ItemCodec.array(s.annotations()).size());
      ObjectNode body = (ObjectNode) Http.MAPPER.readTree(s.body());
      n.set("media", media(s.id(), (ArrayNode) body.path("media"), mediaFiles(c, s.id())));
    } catch (IOException e) {
      throw new SQLException("stored item " + s.id() + " is not JSON", e);
    }
    return n;
  }

  private static ArrayNode media(String itemId, ArrayNode refs, List<StoredItem.MediaFile> files) {
    ArrayNode out = Http.MAPPER.createArrayNode();
    for (int i = 0; i < refs.size(); i++) {
      ObjectNode m = ((ObjectNode) refs.get(i)).deepCopy();
      final int index = i;
      StoredItem.MediaFile f = files.stream().filter(x -> x.index() == index).findFirst().orElse(null);
      m.put("sha256", f == null ? null : f.sha256());
      m.put("url", f == null || f.sha256() == null ? null : "/api/items/" + itemId + "/media?index=" + i);
      if (!m.has("info")) m.putObject("info");
      out.add(m);
    }
    return out;
  }

  /** The item row without a rights check, for services that checked the job or project already. */
  public Optional<StoredItem> find(String itemId) {
    return db.read(c -> byId(c, itemId));
  }

  static Optional<StoredItem> byId(Connection c, String id) throws SQLException {
    Optional<StoredItem> s = Sql.one(c, "SELECT " + COLUMNS + " FROM items WHERE id = ?", rs -> row(rs, List.of()), id);
    if (s.isEmpty()) return s;
    StoredItem x = s.get();
    return Optional.of(new StoredItem(x.id(), x.projectId(), x.name(), x.subset(), x.labels(), x.body(), x.annotations(),
        x.version(), x.updatedBy(), x.updatedAt(), mediaFiles(c, id)));
  }

  static List<StoredItem.MediaFile> mediaFiles(Connection c, String itemId) throws SQLException {
    return Sql.list(c, "SELECT idx, sha256, size FROM item_media WHERE item_id = ? ORDER BY idx",
        rs -> {
          long size = rs.getLong(3);
          return new StoredItem.MediaFile(rs.getInt(1), rs.getString(2), rs.wasNull() ? null : size);
        }, itemId);
  }

  private static StoredItem row(ResultSet rs, List<StoredItem.MediaFile> media) throws SQLException {
    return new StoredItem(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
        rs.getString(6), rs.getString(7), rs.getInt(8), rs.getString(9), rs.getLong(10), media);
  }

  private static String likeEscape(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  /** Parses a save's If-Match: a version number, with or without quotes (W/ not accepted). */
  public static int ifMatch(String header) {
    if (header == null || header.isBlank()) {
      throw new ApiException(428, "precondition_required", "If-Match: required (the version you edited)");
    }
    String v = header.trim();
    if (v.startsWith("\"") && v.endsWith("\"") && v.length() >= 2) v = v.substring(1, v.length() - 1);
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("If-Match: expected a version number, got '" + header + "'");
    }
  }

  /** For routes: parses a JSON array body of annotations, naming the bad field. */
  public static List<Annotation> annotationsOf(JsonNode body) {
    return ItemCodec.readAnnotations(body);
  }
}
