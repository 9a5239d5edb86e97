package org.trainset.server.predict;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.trainset.core.model.Annotation;
import org.trainset.server.ApiException;
import org.trainset.server.Ids;
import org.trainset.server.auth.Principal;
import org.trainset.server.db.Database;
import org.trainset.server.db.Sql;
import org.trainset.server.http.Http;
import org.trainset.server.item.ItemCodec;
import org.trainset.server.item.Items;
import org.trainset.server.item.StoredItem;

/**
 * Draft annotations (model predictions, detected regions): kept apart from the item's
 * annotations, so they never count as annotations, until someone accepts one (it is appended to
 * the item as a new version, in the same transaction that deletes the draft) or rejects it.
 */
public final class Drafts {
  /** A draft to store: the annotation, its score (null when the source gives none) and where it came from. */
  public record NewDraft(Annotation annotation, Double score, String source) {}

  private final Database db;
  private final Items items;

  public Drafts(Database db, Items items) {
    this.db = db;
    this.items = items;
  }

  public static void insert(Connection c, String itemId, String projectId, NewDraft d, String by, long at) throws SQLException {
    String json;
    try {
      json = ItemCodec.annotations(List.of(d.annotation()));
      json = json.substring(1, json.length() - 1); // one annotation, not a list
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Sql.update(c, "INSERT INTO drafts (id, item_id, project_id, annotation, score, source, created_by, created_at) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", Ids.newId(), itemId, projectId, json, d.score(), d.source(), by, at);
  }

  /** The item's drafts, best score first (unscored last). */
  public ArrayNode list(Principal p, String itemId) {
    StoredItem s = items.require(p, itemId);
    return db.read(c -> {
      ArrayNode out = Http.MAPPER.createArrayNode();
      for (ObjectNode n : Sql.list(c, "SELECT id, annotation, score, source FROM drafts WHERE item_id = ? "
          + "ORDER BY CASE WHEN score IS NULL THEN 1 ELSE 0 END, score DESC, created_at, id", rs -> {
            ObjectNode d = Http.object().put("id", rs.getString(1));
            try {
              d.set("annotation", Http.MAPPER.readTree(rs.getString(2)));
            } catch (IOException e) {
              throw new SQLException("stored draft is not JSON", e);
            }
            double score = rs.getDouble(3);
            if (rs.wasNull()) d.putNull("score"); else d.put("score", score);
            return d.put("source", rs.getString(4));
          }, s.id())) {
        out.add(n);
      }
      return out;
    });
  }

  /**
   * Accepts (appends to the item as version {@code version + 1}; 409 when the item is no longer
   * at {@code version}) or rejects (deletes) a draft. Returns the item's version afterwards.
   */
  public int decide(Principal p, String draftId, String decision, Integer version) {
    String[] row = db.read(c -> Sql.one(c, "SELECT item_id, annotation FROM drafts WHERE id = ?",
        rs -> new String[] {rs.getString(1), rs.getString(2)}, draftId)).orElseThrow(() -> ApiException.notFound("draft " + draftId));
    StoredItem s;
    try {
      s = items.requireWritable(p, row[0]);
    } catch (ApiException e) {
      if (e.status() == 404) throw ApiException.notFound("draft " + draftId);
      throw e;
    }
    switch (decision == null ? "" : decision.toLowerCase(Locale.ROOT)) {
      case "reject" -> {
        int gone = db.write(c -> Sql.update(c, "DELETE FROM drafts WHERE id = ?", draftId));
        if (gone == 0) throw ApiException.notFound("draft " + draftId);
        return s.version();
      }
      case "accept" -> {
        if (version == null) throw ApiException.badRequest("version: required to accept (the item version you see)");
        if (version != s.version()) {
          throw ApiException.conflict("version: " + version + " is stale; the item is at version " + s.version());
        }
        List<Annotation> anns;
        try {
          anns = new ArrayList<>(ItemCodec.readAnnotations(ItemCodec.array(s.annotations())));
          anns.addAll(ItemCodec.readAnnotations(Http.MAPPER.createArrayNode().add(Http.MAPPER.readTree(row[1]))));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        return items.save(p, s.id(), s.version(), anns, c -> {
          if (Sql.update(c, "DELETE FROM drafts WHERE id = ?", draftId) == 0) {
            throw ApiException.conflict("draft " + draftId + " was decided meanwhile");
          }
          return null;
        });
      }
      default -> throw ApiException.badRequest("decision: accept or reject, got '" + decision + "'");
    }
  }
}
