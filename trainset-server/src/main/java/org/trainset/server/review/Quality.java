package org.trainset.server.review;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.trainset.inspect.mqm.MqmScorer;
import org.trainset.inspect.review.QaScorer;
import org.trainset.server.auth.Principal;
import org.trainset.server.db.Database;
import org.trainset.server.db.Sql;
import org.trainset.server.http.Http;
import org.trainset.server.project.Project;
import org.trainset.server.project.Projects;

/**
 * A project's review figures, all computed from what was recorded (verdicts, issues, readings):
 * per worker — items done, throughput, rejection rate per stage, issues per 100 objects, gold
 * accuracy, MQM score, time in stage, quality index and inspection mode; per project — items per
 * state and stage, open issues by category, reader agreement, MQM by pair and domain. Also the
 * review history (every verdict with who, whose work, why), as JSON or CSV.
 */
public final class Quality {
  private final Database db;
  private final Projects projects;
  private final Workflows workflows;

  public Quality(Database db, Projects projects, Workflows workflows) {
    this.db = db;
    this.projects = projects;
    this.workflows = workflows;
  }

  public ObjectNode dashboard(Principal caller, String projectId) {
    Project p = projects.require(caller, projectId);
    ReviewWorkflow wf = workflows.of(p);
    return db.read(c -> {
      Standing st = Standing.of(c, p.id(), wf);
      Map<String, String> names = new HashMap<>();
      for (String[] u : Sql.list(c, "SELECT id, username FROM users", rs -> new String[] {rs.getString(1), rs.getString(2)})) {
        names.put(u[0], u[1]);
      }
      Map<String, Worker> workers = new TreeMap<>();
      for (String[] r : Sql.list(c, "SELECT r.author_id, r.state, r.submitted_at, r.updated_at, i.annotations, r.item_id "
          + "FROM review_items r JOIN items i ON i.id = r.item_id WHERE r.project_id = ?", rs -> new String[] {rs.getString(1),
          rs.getString(2), Long.toString(rs.getLong(3)), Long.toString(rs.getLong(4)), rs.getString(5), rs.getString(6)}, p.id())) {
        Worker w = workers.computeIfAbsent(r[0], Worker::new);
        w.items++;
        w.objects += ReviewFlow.countOf(r[4]);
        w.first = Math.min(w.first, Long.parseLong(r[2]));
        if (r[1].equals(ReviewFlow.DONE)) {
          w.done++;
          w.last = Math.max(w.last, Long.parseLong(r[3]));
        }
      }
      for (Standing.Event e : st.events) {
        if (e.verdict().equals("gold") || e.verdict().equals("read")) continue;
        Worker w = workers.computeIfAbsent(e.authorId(), Worker::new);
        long[] s = w.stages.computeIfAbsent(e.stage(), k -> new long[3]); // verdicts, rejects, waited ms
        s[0]++;
        if (e.verdict().equals("reject")) s[1]++;
        s[2] += e.waitedMs();
      }
      for (String[] r : Sql.list(c, "SELECT r.author_id, COUNT(*) FROM review_issues i JOIN review_items r ON r.item_id = i.item_id "
          + "WHERE i.project_id = ? GROUP BY r.author_id", rs -> new String[] {rs.getString(1), Long.toString(rs.getLong(2))}, p.id())) {
        workers.computeIfAbsent(r[0], Worker::new).issues = Long.parseLong(r[1]);
      }
      ObjectNode out = Http.object().put("projectId", p.id()).put("workflow", wf.workflow().name());
      ArrayNode ws = out.putArray("workers");
      Map<String, MqmScorer.Score> mqmByWorker = new HashMap<>();
      for (MqmScorer.Score s : st.mqm.translatorScores()) mqmByWorker.put(s.key(), s);
      for (Worker w : workers.values()) {
        ObjectNode n = ws.addObject().put("workerId", w.id).put("worker", names.getOrDefault(w.id, w.id))
            .put("itemsSubmitted", w.items).put("itemsDone", w.done);
        double hours = w.done == 0 ? 0 : Math.max(w.last - w.first, 60_000) / 3_600_000.0;
        putNumber(n, "throughputPerHour", w.done == 0 ? Double.NaN : w.done / hours);
        putNumber(n, "issuesPer100Objects", w.objects == 0 ? Double.NaN : 100.0 * w.issues / w.objects);
        ObjectNode stages = n.putObject("stages");
        w.stages.forEach((stage, s) -> {
          ObjectNode x = stages.putObject(stage).put("verdicts", s[0]).put("rejects", s[1]);
          putNumber(x, "rejectionRate", (double) s[1] / s[0]);
          putNumber(x, "meanTimeInStageMs", (double) s[2] / s[0]);
        });
        QaScorer.WorkerResult qa = st.qa.workers().stream().filter(x -> x.worker().equals(w.id)).findFirst().orElse(null);
        n.put("goldSeen", qa == null ? 0 : qa.goldSeen()).put("goldCorrect", qa == null ? 0 : qa.goldCorrect());
        putNumber(n, "goldAccuracy", qa == null || qa.goldSeen() == 0 ? Double.NaN : (double) qa.goldCorrect() / qa.goldSeen());
        putNumber(n, "qualityIndex", qa == null ? Double.NaN : qa.qualityIndex());
        MqmScorer.Score m = mqmByWorker.get(w.id);
        putNumber(n, "mqmScore", m == null ? Double.NaN : m.score());
        n.put("inspection", st.full(w.id) ? "full" : "sampled");
      }
      ObjectNode proj = out.putObject("project");
      Map<String, Map<String, Long>> counts = ReviewFlow.counts(c, p.id());
      ObjectNode byState = proj.putObject("itemsByState");
      counts.get("state").forEach(byState::put);
      ObjectNode byStage = proj.putObject("pendingByStage");
      for (ReviewWorkflow.StageRule r : wf.stages()) byStage.put(r.name(), counts.get("stage").getOrDefault(r.name(), 0L));
      ObjectNode open = proj.putObject("openIssuesByCategory");
      for (Object[] r : Sql.list(c, "SELECT category, COUNT(*) FROM review_issues WHERE project_id = ? AND state = 'open' "
          + "GROUP BY category ORDER BY category", rs -> new Object[] {rs.getString(1), rs.getLong(2)}, p.id())) {
        open.put((String) r[0], (Long) r[1]);
      }
      proj.set("agreement", DualReading.agreement(c, p.id(), wf));
      ObjectNode mqm = proj.putObject("mqm");
      ArrayNode pairs = mqm.putArray("pairs");
      for (Standing.Pair pr : st.pairs) {
        pairs.addObject().put("itemId", pr.itemId()).put("domain", pr.domain()).put("worker", names.getOrDefault(pr.authorId(), pr.authorId()))
            .put("words", pr.score().words()).put("penalty", pr.score().penalty()).put("score", pr.score().score())
            .put("pass", pr.score().pass());
      }
      ObjectNode domains = mqm.putObject("domains");
      for (MqmScorer.Score s : st.mqm.documentScores()) domains.put(s.key(), s.score());
      ObjectNode lots = proj.putObject("lots");
      for (QaScorer.LotResult l : st.qa.lots()) {
        lots.putObject(l.stage() + "/" + l.lot()).put("lotSize", l.lotSize()).put("inspected", l.inspected())
            .put("required", l.required()).put("defects", l.defects()).put("accepted", l.accepted()).put("basis", l.basis());
      }
      ObjectNode inspection = proj.putObject("inspection");
      for (IsoInspection.StageState s : IsoInspection.states(c, p.id(), wf).values()) inspection.set(s.stage(), s.toJson());
      return out;
    });
  }

  /** The per-worker figures as CSV (one row per worker and stage). */
  public String dashboardCsv(Principal caller, String projectId) {
    ObjectNode d = dashboard(caller, projectId);
    StringBuilder sb = new StringBuilder("worker,items_submitted,items_done,throughput_per_hour,issues_per_100_objects,"
        + "gold_accuracy,quality_index,mqm_score,inspection,stage,verdicts,rejects,rejection_rate,mean_time_in_stage_ms\n");
    for (var w : d.get("workers")) {
      String head = String.join(",", csv(w.get("worker").asText()), w.get("itemsSubmitted").asText(), w.get("itemsDone").asText(),
          num(w, "throughputPerHour"), num(w, "issuesPer100Objects"), num(w, "goldAccuracy"), num(w, "qualityIndex"),
          num(w, "mqmScore"), w.get("inspection").asText());
      if (w.get("stages").isEmpty()) sb.append(head).append(",,,,,\n");
      w.get("stages").fields().forEachRemaining(e -> sb.append(head).append(',').append(csv(e.getKey())).append(',')
          .append(e.getValue().get("verdicts").asText()).append(',').append(e.getValue().get("rejects").asText()).append(',')
          .append(num(e.getValue(), "rejectionRate")).append(',').append(num(e.getValue(), "meanTimeInStageMs")).append('\n'));
    }
    return sb.toString();
  }

  /** Every verdict, oldest first. */
  public ObjectNode history(Principal caller, String projectId) {
    return history(projects.require(caller, projectId));
  }

  /** For a project's export: its review history as {@code review-history.csv}, when it has one. */
  public void writeHistory(Project p, java.nio.file.Path folder) throws java.io.IOException {
    ObjectNode h = history(p);
    if (h.get("events").isEmpty()) return;
    java.nio.file.Files.writeString(folder.resolve("review-history.csv"), historyCsv(h), java.nio.charset.StandardCharsets.UTF_8);
  }

  private ObjectNode history(Project p) {
    return db.read(c -> {
      ObjectNode out = Http.object().put("projectId", p.id());
      ArrayNode arr = out.putArray("events");
      for (ObjectNode n : Sql.list(c, "SELECT e.seq, e.item_id, i.name, e.stage, e.round, a.username, r.username, e.verdict, "
          + "e.comment, e.at, e.waited_ms FROM review_events e JOIN items i ON i.id = e.item_id LEFT JOIN users a ON a.id = e.author_id "
          + "LEFT JOIN users r ON r.id = e.reviewer_id WHERE e.project_id = ? ORDER BY e.seq", rs -> Http.object()
          .put("seq", rs.getLong(1)).put("itemId", rs.getString(2)).put("item", rs.getString(3)).put("stage", rs.getString(4))
          .put("round", rs.getInt(5)).put("author", rs.getString(6)).put("reviewer", rs.getString(7) == null ? "(system)" : rs.getString(7))
          .put("verdict", rs.getString(8)).put("comment", rs.getString(9)).put("at", rs.getLong(10)).put("waitedMs", rs.getLong(11)), p.id())) {
        arr.add(n);
      }
      return out;
    });
  }

  public String historyCsv(Principal caller, String projectId) {
    return historyCsv(history(caller, projectId));
  }

  private static String historyCsv(ObjectNode history) {
    StringBuilder sb = new StringBuilder("seq,item,stage,round,author,reviewer,verdict,comment,at,waited_ms\n");
    for (var e : history.get("events")) {
      sb.append(String.join(",", e.get("seq").asText(), csv(e.get("item").asText()), csv(e.get("stage").asText()),
          e.get("round").asText(), csv(e.get("author").asText("")), csv(e.get("reviewer").asText()), e.get("verdict").asText(),
          csv(e.get("comment").isNull() ? "" : e.get("comment").asText()), e.get("at").asText(), e.get("waitedMs").asText())).append('\n');
    }
    return sb.toString();
  }

  private static final class Worker {
    final String id;
    long items;
    long done;
    long objects;
    long issues;
    long first = Long.MAX_VALUE;
    long last;
    final Map<String, long[]> stages = new LinkedHashMap<>();

    Worker(String id) {
      this.id = id;
    }
  }

  private static void putNumber(ObjectNode n, String key, double v) {
    if (Double.isFinite(v)) n.put(key, v);
    else n.putNull(key);
  }

  private static String num(com.fasterxml.jackson.databind.JsonNode n, String key) {
    var v = n.get(key);
    return v == null || v.isNull() ? "" : String.format(Locale.ROOT, "%.6f", v.asDouble());
  }

  /** A CSV field: quoted when it holds a comma, quote or line break; a leading formula character is neutralised. */
  static String csv(String s) {
    String v = s;
    if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) v = "'" + v;
    if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) v = "\"" + v.replace("\"", "\"\"") + "\"";
    return v;
  }
}
