package org.trainset.server.review;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.trainset.core.geometry.Shapes;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.Item;
import org.trainset.core.model.Tag;
import org.trainset.inspect.agreement.CohenKappa;
import org.trainset.inspect.agreement.DualReadConsensus;
import org.trainset.inspect.agreement.ShapeMatching;
import org.trainset.server.auth.Principal;
import org.trainset.server.db.Database;
import org.trainset.server.db.Sql;
import org.trainset.server.http.Http;
import org.trainset.server.item.ItemCodec;
import org.trainset.server.item.Items;
import org.trainset.server.item.StoredItem;

/**
 * Dual reading (the seed's medical process): two readers annotate an item independently; when
 * both readings are in, inspect's {@link DualReadConsensus} keeps what they agree on (tags both
 * gave, shapes matched by IoU with the same label) and the rest becomes issues for the
 * adjudication stage, or is excluded, as the workflow says. Agreement over a project is
 * inspect's {@link CohenKappa} on the readers' item labels and the mean IoU of matched shapes.
 */
final class DualReading {
  private DualReading() {}

  static ObjectNode read(ReviewFlow flow, Database db, Items items, Principal p, StoredItem s, ReviewWorkflow wf,
                         ReviewWorkflow.StageRule rule, ReviewFlow.Row r, List<Annotation> reading, long now) {
    String json;
    try {
      json = ItemCodec.annotations(reading);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int needed = needed(s, rule);
    List<String> readings = db.write(c -> {
      Sql.update(c, "INSERT INTO review_readings (item_id, stage, reader_id, project_id, annotations, at) VALUES (?, ?, ?, ?, ?, ?)",
          s.id(), rule.name(), p.userId(), s.projectId(), json, now);
      ReviewFlow.recordEvent(c, r.projectId(), s.id(), rule.name(), r.round(), r.authorId(), p.userId(), "read", null, r.lotId(),
          r.lotSize(), reading.size(), now - r.enteredAt(), null, null, now);
      return Sql.list(c, "SELECT annotations FROM review_readings WHERE item_id = ? AND stage = ? ORDER BY at, reader_id",
          rs -> rs.getString(1), s.id(), rule.name());
    });
    if (readings.size() < needed) {
      return Http.object().put("itemId", s.id()).put("stage", rule.name()).put("verdict", "accept").put("state", ReviewFlow.PENDING)
          .putNull("nextStage").put("readings", readings.size());
    }
    DualReadConsensus.Outcome o;
    try {
      Item base = ItemCodec.item(s.body(), "[]");
      Item a = base.withAnnotations(ItemCodec.readAnnotations(ItemCodec.array(readings.get(0))));
      Item b = needed == 1 ? a : base.withAnnotations(ItemCodec.readAnnotations(ItemCodec.array(readings.get(1))));
      o = new DualReadConsensus(rule.minIou()).combine(a, b);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int version = items.save(p, s.id(), s.version(), o.consensus().annotations());
    if (!rule.excludeDisagreements()) {
      db.write(c -> {
        for (DualReadConsensus.Disagreement d : o.disagreements()) {
          ReviewIssues.addAuto(c, s.projectId(), s.id(), rule.name(), "dual-reading." + d.kind(), null,
              "readers disagree (" + d.kind() + "): " + d.labelA() + " / " + d.labelB(), now);
        }
        return null;
      });
    }
    StoredItem saved = items.require(p, s.id());
    ObjectNode out = flow.decide(p, saved, wf, r, "accept", o.disagreements().size() + " disagreement(s)",
        o.disagreements().size(), now);
    out.put("readings", readings.size()).put("disagreements", o.disagreements().size()).put("version", version);
    return out;
  }

  /** Two readings, or one when the stage sends only marked cases to a second reader and this one is not marked. */
  private static int needed(StoredItem s, ReviewWorkflow.StageRule rule) {
    if (rule.markedBy() == null) return 2;
    try {
      Object v = ItemCodec.item(s.body(), "[]").attributes().get(rule.markedBy());
      return Boolean.TRUE.equals(v) || "true".equals(v) ? 2 : 1;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The project's agreement: κ on the two readers' item labels and the mean IoU of matched shapes. */
  static ObjectNode agreement(Connection c, String projectId, ReviewWorkflow wf) throws SQLException {
    Map<String, List<String>> byItem = new TreeMap<>();
    for (String[] row : Sql.list(c, "SELECT item_id, stage, annotations FROM review_readings WHERE project_id = ? "
        + "ORDER BY item_id, stage, at, reader_id", rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}, projectId)) {
      byItem.computeIfAbsent(row[0] + "\u0000" + row[1], k -> new ArrayList<>()).add(row[2]);
    }
    List<String> first = new ArrayList<>();
    List<String> second = new ArrayList<>();
    double iouSum = 0;
    long pairs = 0;
    for (List<String> rs : byItem.values()) {
      if (rs.size() < 2) continue;
      try {
        List<Annotation> a = ItemCodec.readAnnotations(ItemCodec.array(rs.get(0)));
        List<Annotation> b = ItemCodec.readAnnotations(ItemCodec.array(rs.get(1)));
        first.add(label(a));
        second.add(label(b));
        List<Annotation> sa = a.stream().filter(x -> Shapes.outline(x) != null).toList();
        List<Annotation> sb = b.stream().filter(x -> Shapes.outline(x) != null).toList();
        double minIou = wf.stages().stream().filter(x -> x.kind() == ReviewWorkflow.Kind.DUAL).findFirst()
            .map(ReviewWorkflow.StageRule::minIou).orElse(0.5);
        for (ShapeMatching.Pair pr : ShapeMatching.match(sa, sb, minIou).pairs()) {
          iouSum += pr.iou();
          pairs++;
        }
      } catch (IOException e) {
        throw new SQLException("stored reading is not JSON", e);
      }
    }
    ObjectNode out = Http.object().put("items", first.size());
    if (first.isEmpty()) out.putNull("kappa");
    else {
      double k = CohenKappa.of(first, second);
      if (Double.isFinite(k)) out.put("kappa", k);
      else out.putNull("kappa");
    }
    out.put("matchedShapes", pairs);
    if (pairs == 0) out.putNull("meanIou");
    else out.put("meanIou", iouSum / pairs);
    return out;
  }

  /** A reading's item label: its tags, sorted and joined, or "(none)". */
  static String label(List<Annotation> reading) {
    List<String> tags = reading.stream().filter(a -> a instanceof Tag).map(Annotation::label).sorted().toList();
    return tags.isEmpty() ? "(none)" : String.join("+", tags);
  }
}
