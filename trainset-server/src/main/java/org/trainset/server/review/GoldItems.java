package org.trainset.server.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.trainset.core.geometry.Shapes;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.Caption;
import org.trainset.core.model.Tag;
import org.trainset.core.model.TextPair;
import org.trainset.inspect.agreement.ShapeMatching;
import org.trainset.server.ApiException;
import org.trainset.server.audit.AuditLog;
import org.trainset.server.auth.Principal;
import org.trainset.server.db.Database;
import org.trainset.server.db.Sql;
import org.trainset.server.http.Http;
import org.trainset.server.item.ItemCodec;
import org.trainset.server.item.Items;
import org.trainset.server.item.StoredItem;

/**
 * Gold (honeypot) items: a manager marks an item whose current annotations are the known answer.
 * Workers get it like any other item (nothing in their queue says it is gold); when it comes back
 * submitted, their annotations are scored against the answer — shapes matched by IoU (inspect's
 * Hungarian {@link ShapeMatching}) with the same label, item tags as a set, texts exactly — and
 * the result feeds the worker's quality index (inspect's {@code GoldSet} / {@code QaScorer}).
 */
public final class GoldItems {
  /** The gold answer a correct submission is recorded with (see {@link Standing}). */
  static final String CORRECT = "correct";
  static final String WRONG = "wrong";

  private final Database db;
  private final Items items;
  private final AuditLog audit;
  private final Clock clock;

  public GoldItems(Database db, Items items, AuditLog audit, Clock clock) {
    this.db = db;
    this.items = items;
    this.audit = audit;
    this.clock = clock;
  }

  /** Marks ({@code {"gold": true}}) or unmarks an item; the known answer is its annotations now. */
  public ObjectNode mark(Principal p, String itemId, JsonNode body) {
    StoredItem s = items.require(p, itemId);
    JsonNode g = body.get("gold");
    if (g == null || !g.isBoolean()) throw ApiException.badRequest("gold: required, true or false");
    long now = clock.millis();
    db.write(c -> {
      Sql.update(c, "DELETE FROM review_gold WHERE item_id = ?", itemId);
      if (g.asBoolean()) {
        Sql.update(c, "INSERT INTO review_gold (item_id, project_id, answer, marked_by, marked_at) VALUES (?, ?, ?, ?, ?)",
            itemId, s.projectId(), s.annotations(), p.userId(), now);
      }
      audit.append(c, new AuditLog.Entry(p.userId(), g.asBoolean() ? "review.gold.mark" : "review.gold.unmark", "item", itemId, null));
      return null;
    });
    ObjectNode out = Http.object().put("itemId", itemId).put("gold", g.asBoolean());
    try {
      out.put("answerObjects", g.asBoolean() ? ItemCodec.array(s.annotations()).size() : 0);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  /** The known answer of a gold item, or null. */
  static String answer(Connection c, String itemId) throws SQLException {
    return Sql.one(c, "SELECT answer FROM review_gold WHERE item_id = ?", rs -> rs.getString(1), itemId).orElse(null);
  }

  /** True when {@code given} matches the gold {@code answer}: every shape, tag and text. */
  static boolean matches(List<Annotation> answer, List<Annotation> given, double minIou) {
    List<Annotation> shapesA = new ArrayList<>();
    List<Annotation> shapesB = new ArrayList<>();
    for (Annotation a : answer) if (Shapes.outline(a) != null) shapesA.add(a);
    for (Annotation a : given) if (Shapes.outline(a) != null) shapesB.add(a);
    ShapeMatching.Result r = ShapeMatching.match(shapesA, shapesB, minIou);
    if (!r.onlyA().isEmpty() || !r.onlyB().isEmpty() || r.pairs().stream().anyMatch(p -> !p.sameLabel())) return false;
    if (!new java.util.TreeSet<>(tags(answer)).equals(new java.util.TreeSet<>(tags(given)))) return false;
    return texts(answer).equals(texts(given));
  }

  private static List<String> tags(List<Annotation> as) {
    return as.stream().filter(a -> a instanceof Tag).map(Annotation::label).toList();
  }

  private static List<String> texts(List<Annotation> as) {
    List<String> out = new ArrayList<>();
    for (Annotation a : as) {
      if (a instanceof TextPair t) out.add(Objects.toString(t.target(), "").strip());
      if (a instanceof Caption cap) out.add(Objects.toString(cap.text(), "").strip());
    }
    return out;
  }
}
