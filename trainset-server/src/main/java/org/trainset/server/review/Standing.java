package org.trainset.server.review;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.Item;
import org.trainset.core.model.TextPair;
import org.trainset.inspect.mqm.MqmScorer;
import org.trainset.inspect.review.ErrorSeverity;
import org.trainset.inspect.review.GoldSet;
import org.trainset.inspect.review.QaScorer;
import org.trainset.inspect.review.QualityTracker;
import org.trainset.inspect.review.ReviewRecord;
import org.trainset.server.db.Sql;
import org.trainset.server.item.ItemCodec;

/**
 * Every worker's standing in a project, from the recorded review events replayed in order through
 * inspect's {@link QaScorer} (quality index, escalation to 100 %, gold accuracy, lots) and the MQM
 * stages' marks through {@link MqmScorer} (translators under the cut score are escalated too).
 */
final class Standing {
  /** One recorded verdict as stored. */
  record Event(long seq, String itemId, String stage, int round, String authorId, String reviewerId, String verdict,
               String comment, String lotId, long lotSize, int objects, long waitedMs, String goldAnswer, long at) { }

  /** One MQM-scored pair. */
  record Pair(String itemId, String domain, String authorId, MqmScorer.Score score) { }

  final List<Event> events;
  final QaScorer.Report qa;
  final MqmScorer mqm;
  final List<Pair> pairs = new ArrayList<>();

  private Standing(List<Event> events, QaScorer.Report qa, MqmScorer mqm) {
    this.events = events;
    this.qa = qa;
    this.mqm = mqm;
  }

  static List<Event> events(Connection c, String projectId) throws SQLException {
    return Sql.list(c, "SELECT seq, item_id, stage, round, author_id, reviewer_id, verdict, comment, lot_id, lot_size, objects, "
        + "waited_ms, gold_answer, at FROM review_events WHERE project_id = ? ORDER BY seq", rs -> new Event(rs.getLong(1),
        rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
        rs.getString(9), rs.getLong(10), rs.getInt(11), rs.getLong(12), rs.getString(13), rs.getLong(14)), projectId);
  }

  static Standing of(Connection c, String projectId, ReviewWorkflow wf) throws SQLException {
    List<Event> events = events(c, projectId);
    Map<String, String> goldAnswers = new HashMap<>();
    for (Event e : events) if (e.goldAnswer() != null) goldAnswers.put(e.itemId(), GoldItems.CORRECT);
    QaScorer qa = new QaScorer(wf.workflow(), new GoldSet(goldAnswers));
    for (Event e : events) {
      if (e.verdict().equals("read") || wf.workflow().stage(e.stage()).isEmpty()) continue;
      String verdict = e.verdict().equals("reject") ? "reject" : "accept";
      qa.add(new ReviewRecord(e.itemId(), e.authorId(), e.reviewerId(), e.stage(), verdict, List.of(), e.lotId(),
          e.lotSize(), e.goldAnswer()));
    }
    Standing s = new Standing(events, qa.report(), new MqmScorer(wf.mqm()));
    s.scoreMqm(c, projectId, wf);
    return s;
  }

  /** Each item's last verdict at an MQM stage is one segment: its translation's words and the MQM issues marked on it. */
  private void scoreMqm(Connection c, String projectId, ReviewWorkflow wf) throws SQLException {
    Map<String, Event> last = new LinkedHashMap<>();
    for (Event e : events) {
      ReviewWorkflow.StageRule r = wf.stage(e.stage());
      if (r != null && r.kind() == ReviewWorkflow.Kind.MQM && !e.verdict().equals("read")) {
        last.remove(e.itemId());
        last.put(e.itemId(), e);
      }
    }
    for (Event e : last.values()) {
      var row = Sql.one(c, "SELECT body, annotations, subset FROM items WHERE id = ?",
          rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}, e.itemId()).orElse(null);
      if (row == null) continue;
      Item item;
      try {
        item = ItemCodec.item(row[0], row[1]);
      } catch (IOException ex) {
        throw new SQLException("stored item " + e.itemId() + " is not JSON", ex);
      }
      long words = words(item.annotations());
      if (words == 0) continue;
      List<MqmScorer.Error> errors = Sql.list(c, "SELECT mqm_code, severity FROM review_issues WHERE item_id = ? "
          + "AND mqm_code IS NOT NULL ORDER BY created_at, id",
          rs -> new MqmScorer.Error(rs.getString(1), ErrorSeverity.parse(rs.getString(2))), e.itemId());
      Object dom = item.attributes().get("domain");
      String domain = dom != null ? dom.toString() : row[2] != null ? row[2] : "";
      MqmScorer.Score score = mqm.add(new MqmScorer.Segment(domain, e.itemId(), e.authorId(), words, errors));
      pairs.add(new Pair(e.itemId(), domain, e.authorId(), score));
    }
  }

  /** Evaluated words of an item: the whitespace-separated words of its translations. */
  static long words(List<Annotation> annotations) {
    long n = 0;
    for (Annotation a : annotations) {
      if (a instanceof TextPair t && t.target() != null && !t.target().isBlank()) n += t.target().trim().split("\\s+").length;
    }
    return n;
  }

  /** True when the worker's items go to 100 % inspection (quality index or MQM score under the threshold). */
  boolean full(String workerId) {
    boolean qaFull = qa.workers().stream().anyMatch(w -> w.worker().equals(workerId) && w.mode() == QualityTracker.Mode.FULL);
    return qaFull || mqm.quality().mode(workerId) == QualityTracker.Mode.FULL;
  }
}
