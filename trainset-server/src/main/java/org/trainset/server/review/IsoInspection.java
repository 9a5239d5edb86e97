package org.trainset.server.review;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.trainset.inspect.review.Iso2859;
import org.trainset.inspect.review.Iso2859Switching;
import org.trainset.inspect.review.Iso2859Switching.Lot;
import org.trainset.inspect.review.Iso2859Switching.Mode;
import org.trainset.inspect.review.SamplingPlan;
import org.trainset.server.Ids;
import org.trainset.server.db.Sql;
import org.trainset.server.http.Http;

/**
 * ISO 2859-1 switching at the review stages that sample {@code {aql: A}}. A lot (one submitted
 * job) is drawn with the plan of the stage's current mode; it is decided when every item the stage
 * drew has its first verdict there (rejects are the nonconforming items, resubmissions are not
 * original inspection). At a dual-reading stage, where readers only read, an item is inspected
 * when its dual reading is complete (see {@link #dualDefective}). The mode is never stored: inspect's {@link Iso2859Switching} replays the
 * stage's decided lots and resumptions from {@code review_lots}, so it survives a restart.
 */
final class IsoInspection {
  private IsoInspection() {}

  /** One stage's switching state and the lots behind it. */
  record StageState(String stage, double aql, boolean reducedAllowed, Iso2859Switching state, int decided, int rejected,
                    int held) {
    ObjectNode toJson() {
      ObjectNode o = Http.object().put("stage", stage).put("aql", aql).put("mode", mode(state.mode()))
          .put("score", state.score()).put("reducedAllowed", reducedAllowed).put("lotsDecided", decided)
          .put("lotsNotAccepted", rejected).put("rejectedOnTightened", state.rejectedOnTightened()).put("lotsHeld", held);
      return o;
    }
  }

  static String mode(Mode m) {
    return m.name().toLowerCase(Locale.ROOT);
  }

  /** The ISO stages of a workflow with their AQL. */
  static Map<String, Double> isoStages(ReviewWorkflow wf) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (ReviewWorkflow.StageRule r : wf.stages()) {
      if (wf.sampling(r.name()) instanceof SamplingPlan.Acceptance a) out.put(r.name(), a.aql());
    }
    return out;
  }

  /** Every ISO stage's state, replayed from its history. */
  static Map<String, StageState> states(Connection c, String projectId, ReviewWorkflow wf) throws SQLException {
    Map<String, StageState> out = new LinkedHashMap<>();
    for (Map.Entry<String, Double> e : isoStages(wf).entrySet()) out.put(e.getKey(), state(c, projectId, wf, e.getKey(), e.getValue()));
    return out;
  }

  static StageState state(Connection c, String projectId, ReviewWorkflow wf, String stage, double aql) throws SQLException {
    boolean reducedAllowed = wf.stage(stage).reducedAllowed();
    Iso2859Switching s = Iso2859Switching.start();
    int decided = 0;
    int rejected = 0;
    List<Object[]> rows = Sql.list(c, "SELECT kind, mode, aql, lot_size, nonconforming FROM review_lots WHERE project_id = ? "
        + "AND stage = ? AND decided_seq IS NOT NULL ORDER BY decided_seq", rs -> new Object[] {rs.getString(1), rs.getString(2),
        rs.getDouble(3), rs.getLong(4), rs.getInt(5)}, projectId, stage);
    for (Object[] r : rows) {
      if (r[0].equals("resume")) {
        if (s.mode() == Mode.DISCONTINUED) s = s.resumed();
        continue;
      }
      if (s.mode() == Mode.DISCONTINUED) continue; // drawn before inspection stopped: not part of the scheme
      Lot lot = Lot.inspected((Long) r[3], (Double) r[2], Mode.valueOf((String) r[1]), (Integer) r[4]);
      decided++;
      if (!lot.accepted()) rejected++;
      s = s.next(lot, reducedAllowed);
    }
    int held = (int) Sql.count(c, "SELECT COUNT(*) FROM review_lots WHERE project_id = ? AND stage = ? AND kind = 'held'",
        projectId, stage);
    return new StageState(stage, aql, reducedAllowed, s, decided, rejected, held);
  }

  /** Records the plan a lot was drawn with at a stage. */
  static void drawn(Connection c, String projectId, String stage, String lotId, Mode mode, double aql, long lotSize,
                    SamplingPlan.Sample sample, long now) throws SQLException {
    Sql.update(c, "DELETE FROM review_lots WHERE project_id = ? AND lot_id = ? AND stage = ? AND kind = 'lot' "
        + "AND decided_seq IS NULL", projectId, lotId, stage);
    Sql.update(c, "INSERT INTO review_lots (id, project_id, stage, lot_id, kind, mode, aql, lot_size, sample_size, accept_number, "
        + "reject_number, created_at) VALUES (?, ?, ?, ?, 'lot', ?, ?, ?, ?, ?, ?, ?)", Ids.newId(), projectId, stage, lotId,
        mode.name(), aql, lotSize, sample.size(), sample.accept(), sample.reject(), now);
  }

  /**
   * After a verdict at {@code stage} on an item with this {@code route}: decides the item's lot
   * there, and at the stage before it when that is a dual-reading stage (the verdict may be the
   * adjudication that completes a disputed reading there).
   */
  static void verdictGiven(Connection c, ReviewWorkflow wf, String projectId, List<String> route, String stage, String lotId,
                           long now) throws SQLException {
    decide(c, wf, projectId, stage, lotId, now);
    int at = route.indexOf(stage);
    if (at > 0 && wf.stage(route.get(at - 1)) != null && wf.stage(route.get(at - 1)).kind() == ReviewWorkflow.Kind.DUAL) {
      decide(c, wf, projectId, route.get(at - 1), lotId, now);
    }
  }

  /** Decides the lot at {@code stage} when every item the stage drew from it has been inspected there. */
  private static void decide(Connection c, ReviewWorkflow wf, String projectId, String stage, String lotId, long now)
      throws SQLException {
    var lot = Sql.one(c, "SELECT id, mode, aql, lot_size FROM review_lots WHERE project_id = ? AND lot_id = ? AND stage = ? "
        + "AND kind = 'lot' AND decided_seq IS NULL", rs -> new Object[] {rs.getString(1), rs.getString(2), rs.getDouble(3),
        rs.getLong(4)}, projectId, lotId, stage).orElse(null);
    ReviewWorkflow.StageRule rule = wf.stage(stage);
    if (lot == null || rule == null) return;
    Progress progress = progress(c, rule, projectId, lotId);
    if (!progress.complete()) return;
    Lot decided = Lot.inspected((Long) lot[3], (Double) lot[2], Mode.valueOf((String) lot[1]), progress.nonconforming());
    long seq = Sql.count(c, "SELECT COALESCE(MAX(decided_seq), 0) FROM review_lots WHERE project_id = ? AND stage = ?",
        projectId, stage) + 1;
    Sql.update(c, "UPDATE review_lots SET nonconforming = ?, accepted = ?, decided_seq = ?, decided_at = ? WHERE id = ?",
        progress.nonconforming(), decided.accepted() ? 1 : 0, seq, now, lot[0]);
  }

  /**
   * Where a lot stands at a stage: of the items the stage drew, how many are inspected there, how
   * many of those wait only for their adjudicator (a disputed dual reading), and how many of the
   * inspected are nonconforming. The lot is decided when all drawn items are inspected.
   */
  record Progress(int drawn, int inspected, int awaitingAdjudication, int nonconforming) {
    boolean complete() {
      return inspected == drawn;
    }

    ObjectNode toJson() {
      return Http.object().put("drawn", drawn).put("inspected", inspected).put("awaitingAdjudication", awaitingAdjudication);
    }
  }

  static Progress progress(Connection c, ReviewWorkflow.StageRule rule, String projectId, String lotId) throws SQLException {
    String stage = rule.name();
    Map<String, List<String>> drawn = new LinkedHashMap<>();
    for (Object[] r : Sql.list(c, "SELECT item_id, route FROM review_items WHERE project_id = ? AND lot_id = ?",
        rs -> new Object[] {rs.getString(1), rs.getString(2)}, projectId, lotId)) {
      List<String> route = ((String) r[1]).isEmpty() ? List.of() : List.of(((String) r[1]).split("\n"));
      if (route.contains(stage)) drawn.put((String) r[0], route);
    }
    Map<String, Map<String, Object[]>> verdicts = new HashMap<>();
    verdicts.put(stage, firstVerdicts(c, projectId, lotId, stage));
    int inspected = 0, awaiting = 0, nonconforming = 0;
    for (Map.Entry<String, List<String>> item : drawn.entrySet()) {
      Object[] v = verdicts.get(stage).get(item.getKey());
      if (v == null) continue; // not inspected yet
      Boolean defective = "reject".equals(v[0]); // (not a ?: with a boolean branch: that would unbox a null)
      if (rule.kind() == ReviewWorkflow.Kind.DUAL) {
        defective = dualDefective(c, rule, projectId, lotId, item.getKey(), item.getValue(), (Integer) v[1], verdicts);
      }
      if (defective == null) { // a disputed reading still waits for its adjudicator
        awaiting++;
        continue;
      }
      inspected++;
      if (defective) nonconforming++;
    }
    return new Progress(drawn.size(), inspected, awaiting, nonconforming);
  }

  /** Each item's first verdict at a stage in a lot and, for a completed dual reading, its disagreements. */
  private static Map<String, Object[]> firstVerdicts(Connection c, String projectId, String lotId, String stage)
      throws SQLException {
    Map<String, Object[]> first = new LinkedHashMap<>();
    for (Object[] e : Sql.list(c, "SELECT item_id, verdict, disagreements FROM review_events WHERE project_id = ? AND lot_id = ? "
        + "AND stage = ? AND verdict IN ('accept', 'reject', 'fix') ORDER BY seq", rs -> {
          int d = rs.getInt(3);
          return new Object[] {rs.getString(1), rs.getString(2), rs.wasNull() ? null : d};
        }, projectId, lotId, stage)) {
      first.putIfAbsent((String) e[0], new Object[] {e[1], e[2]});
    }
    return first;
  }

  /**
   * Whether an item whose dual reading is in is nonconforming, or null while that is still open.
   * Readings are the stage's inspection of the item: readers who agree (under the stage's IoU and
   * label rule) find it conforming. Readers who disagree find it nonconforming when the stage
   * excludes disagreements (the disputed findings are lost) or when nobody adjudicates it (no stage
   * after this one drew it); otherwise the adjudicator's first verdict at the next stage decides:
   * accepting the consensus finds no defect, a fix or a reject does. Why: readers only read, so the
   * readings and their adjudication are the whole inspection of the item at this stage; counting
   * every disagreement would charge one reader's slip to the lot, and counting none (as the
   * synthetic accept of a completed reading did) would accept every lot whatever the readers found.
   */
  private static Boolean dualDefective(Connection c, ReviewWorkflow.StageRule rule, String projectId, String lotId,
                                       String itemId, List<String> route, Integer disagreements,
                                       Map<String, Map<String, Object[]>> verdicts) throws SQLException {
    if (disagreements == null || disagreements == 0) return false;
    int at = route.indexOf(rule.name());
    if (rule.excludeDisagreements() || at + 1 >= route.size()) return true;
    String adjudication = route.get(at + 1);
    if (!verdicts.containsKey(adjudication)) verdicts.put(adjudication, firstVerdicts(c, projectId, lotId, adjudication));
    Object[] v = verdicts.get(adjudication).get(itemId);
    return v == null ? null : !v[0].equals("accept");
  }

  /** The lots of a stage, newest first, for the stage JSON. */
  static ArrayNode lots(Connection c, String projectId, ReviewWorkflow.StageRule rule, int limit) throws SQLException {
    String stage = rule.name();
    ArrayNode arr = Http.MAPPER.createArrayNode();
    for (ObjectNode o : Sql.list(c, "SELECT kind, lot_id, mode, lot_size, sample_size, accept_number, reject_number, "
        + "nonconforming, accepted, decided_seq, created_at, decided_at, actor_id FROM review_lots WHERE project_id = ? AND stage = ? "
        + "ORDER BY created_at DESC, id DESC LIMIT " + limit, rs -> {
          ObjectNode o = Http.object().put("kind", rs.getString(1)).put("lotId", rs.getString(2));
          if (rs.getString(3) != null) {
            // Table 1's letter for the lot size (the plan's row may be another one, reached by an arrow)
            o.put("mode", rs.getString(3).toLowerCase(Locale.ROOT)).put("lotSize", rs.getLong(4))
                .put("codeLetter", String.valueOf(Iso2859.codeLetter(rs.getLong(4)))).put("sampleSize", rs.getInt(5))
                .put("accept", rs.getInt(6)).put("reject", rs.getInt(7));
          }
          long seq = rs.getLong(10);
          boolean decided = !rs.wasNull();
          if (decided && rs.getString(1).equals("lot")) o.put("nonconforming", rs.getInt(8)).put("accepted", rs.getInt(9) == 1);
          o.put("decided", decided).put("createdAt", rs.getLong(11));
          if (decided) o.put("decidedAt", rs.getLong(12)).put("seq", seq);
          return o;
        }, projectId, stage)) arr.add(o);
    // an open lot says how far it is: a dual-reading lot may wait for nothing but its adjudicator
    for (var it = arr.elements(); it.hasNext(); ) {
      ObjectNode o = (ObjectNode) it.next();
      if (o.get("kind").asText().equals("lot") && !o.get("decided").asBoolean()) {
        o.set("progress", progress(c, rule, projectId, o.get("lotId").asText()).toJson());
      }
    }
    return arr;
  }
}
