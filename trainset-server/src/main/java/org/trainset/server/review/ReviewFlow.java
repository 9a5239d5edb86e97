package org.trainset.server.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trainset.core.model.Annotation;
import org.trainset.inspect.review.Iso2859Switching;
import org.trainset.inspect.review.SamplingPlan;
import org.trainset.server.ApiException;
import org.trainset.server.Ids;
import org.trainset.server.audit.AuditLog;
import org.trainset.server.auth.Principal;
import org.trainset.server.db.Database;
import org.trainset.server.db.Sql;
import org.trainset.server.http.Http;
import org.trainset.server.item.ItemCodec;
import org.trainset.server.item.Items;
import org.trainset.server.item.StoredItem;
import org.trainset.server.project.Project;
import org.trainset.server.project.ProjectAnalysis;
import org.trainset.server.project.Projects;
import org.trainset.server.work.WorkEvents;

/**
 * Items through a project's review stages. A submitted job's items enter review as one lot: each
 * stage's sampling plan (inspect's {@code SamplingPlan}, stratified where the workflow says)
 * decides which stages each item must pass, and a worker under 100 % inspection passes them all.
 * Reviewers take items from their queue and give a verdict; a reject returns the item to its
 * author ({@link WorkEvents#returned}) and the resubmitted item re-enters the same stage.
 */
public final class ReviewFlow {
  static final String PENDING = "pending";
  static final String RETURNED = "returned";
  static final String DONE = "done";

  private final Database db;
  private final Projects projects;
  private final Items items;
  private final Workflows workflows;
  private final ProjectAnalysis analysis;
  private final WorkEvents events;
  private final AuditLog audit;
  private final Clock clock;

  public ReviewFlow(Database db, Projects projects, Items items, Workflows workflows, ProjectAnalysis analysis,
                    WorkEvents events, AuditLog audit, Clock clock) {
    this.db = db;
    this.projects = projects;
    this.items = items;
    this.workflows = workflows;
    this.analysis = analysis;
    this.events = events;
    this.audit = audit;
    this.clock = clock;
  }

  /** A review_items row. */
  record Row(String itemId, String projectId, String authorId, String lotId, long lotSize, List<String> route, String stage,
             String state, int round, boolean full, long enteredAt) { }

  static Row row(Connection c, String itemId) throws SQLException {
    return Sql.one(c, "SELECT item_id, project_id, author_id, lot_id, lot_size, route, stage, state, round, full_inspection, "
        + "entered_at FROM review_items WHERE item_id = ?", rs -> new Row(rs.getString(1), rs.getString(2), rs.getString(3),
        rs.getString(4), rs.getLong(5), routeOf(rs.getString(6)), rs.getString(7), rs.getString(8), rs.getInt(9),
        rs.getInt(10) == 1, rs.getLong(11)), itemId).orElse(null);
  }

  private static List<String> routeOf(String s) {
    return s.isEmpty() ? List.of() : List.of(s.split("\n"));
  }

  /**
   * A job was submitted: new items enter the workflow as one lot; returned items re-enter their stage.
   * While an ISO 2859-1 stage is discontinued the new items are held (409) until a manager resumes it.
   */
  public void onSubmitted(WorkEvents.Submitted e) {
    Project p = projects.byId(e.projectId()).orElse(null);
    if (p == null || e.itemIds().isEmpty()) return;
    ReviewWorkflow wf = workflows.of(p);
    long now = clock.millis();
    List<String> fresh = new ArrayList<>();
    String held = db.write(c -> {
      Standing standing = Standing.of(c, p.id(), wf);
      boolean full = standing.full(e.authorId());
      Map<String, IsoInspection.StageState> iso = IsoInspection.states(c, p.id(), wf);
      Map<String, String> labels = new HashMap<>();
      Map<String, String> annotations = new HashMap<>();
      for (String id : e.itemIds()) {
        Row r = row(c, id);
        if (r != null && r.state().equals(RETURNED)) {
          Sql.update(c, "UPDATE review_items SET state = ?, round = ?, entered_at = ?, updated_at = ? WHERE item_id = ?",
              PENDING, r.round() + 1, now, now, id);
          // a dual-read stage starts over: both readers read the corrected item again
          Sql.update(c, "DELETE FROM review_readings WHERE item_id = ? AND stage = ?", id, r.stage());
          continue;
        }
        if (r != null && r.state().equals(PENDING)) continue; // already waiting for a reviewer
        // a reopened job comes back whole: its items already through review stay where they are
        if (r != null && r.lotId().equals(e.jobId())) continue;
        var item = Sql.one(c, "SELECT labels, annotations FROM items WHERE id = ? AND project_id = ?",
            rs -> new String[] {rs.getString(1), rs.getString(2)}, id, p.id()).orElse(null);
        if (item == null) throw new IllegalArgumentException("itemIds: item " + id + " is not in project " + p.id());
        labels.put(id, ItemCodec.labelList(item[0]).stream().findFirst().orElse(""));
        annotations.put(id, item[1]);
        fresh.add(id);
      }
      Map<String, Iso2859Switching.Mode> modes = new HashMap<>();
      for (IsoInspection.StageState st : iso.values()) {
        if (st.state().mode() == Iso2859Switching.Mode.DISCONTINUED && !fresh.isEmpty()) {
          Sql.update(c, "INSERT INTO review_lots (id, project_id, stage, lot_id, kind, author_id, item_ids, created_at) "
              + "VALUES (?, ?, ?, ?, 'held', ?, ?, ?)", Ids.newId(), p.id(), st.stage(), e.jobId(), e.authorId(),
              String.join("\n", fresh), now);
          audit.append(c, new AuditLog.Entry(e.authorId(), "review.lot.held", "project", p.id(), Http.object()
              .put("job", e.jobId()).put("stage", st.stage()).put("items", fresh.size())));
          fresh.clear();
          return st.stage();
        }
        modes.put(st.stage(), st.state().mode());
      }
      for (String id : fresh) scoreGold(c, wf, p.id(), e, id, annotations.get(id), now);
      Map<String, SamplingPlan.Sample> drawn = new HashMap<>();
      Map<String, List<String>> routes = Sampling.routes(wf, fresh, labels, e.authorId(), e.jobId(), full, modes, drawn);
      for (String id : fresh) {
        List<String> route = routes.get(id);
        Sql.update(c, "DELETE FROM review_items WHERE item_id = ?", id);
        Sql.update(c, "INSERT INTO review_items (item_id, project_id, author_id, lot_id, lot_size, route, stage, state, round, "
            + "full_inspection, submitted_at, entered_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)",
            id, p.id(), e.authorId(), e.jobId(), (long) fresh.size(), String.join("\n", route),
            route.isEmpty() ? null : route.get(0), route.isEmpty() ? DONE : PENDING, full ? 1 : 0, now, now, now);
      }
      for (Map.Entry<String, SamplingPlan.Sample> d : drawn.entrySet()) {
        IsoInspection.drawn(c, p.id(), d.getKey(), e.jobId(), modes.get(d.getKey()), iso.get(d.getKey()).aql(), fresh.size(),
            d.getValue(), now);
      }
      audit.append(c, new AuditLog.Entry(e.authorId(), "review.enter", "project", p.id(), Http.object()
          .put("job", e.jobId()).put("items", e.itemIds().size()).put("fullInspection", full)));
      return null;
    });
    if (held != null) {
      throw ApiException.conflict("stage '" + held + "': ISO 2859-1 inspection is discontinued (5 lots not accepted on "
          + "tightened inspection); no lot is sampled until a manager resumes it (POST /api/projects/" + p.id()
          + "/review-stages/" + held + "/resume). The job is submitted; its " + e.itemIds().size()
          + " items enter review when inspection resumes.");
    }
    placeAutoIssues(p, wf, fresh, now);
  }

  /** A gold item came back from a worker: record whether it matches the known answer. */
  private void scoreGold(Connection c, ReviewWorkflow wf, String projectId, WorkEvents.Submitted e, String itemId,
                         String annotations, long now) throws SQLException {
    String answer = GoldItems.answer(c, itemId);
    if (answer == null) return;
    boolean ok;
    try {
      ok = GoldItems.matches(ItemCodec.readAnnotations(ItemCodec.array(answer)),
          ItemCodec.readAnnotations(ItemCodec.array(annotations)), wf.goldMinIou());
    } catch (IOException ex) {
      throw new SQLException("stored annotations are not JSON", ex);
    }
    recordEvent(c, projectId, itemId, wf.stages().get(0).name(), 1, e.authorId(), "gold", "gold", null, e.jobId(),
        e.itemIds().size(), countOf(annotations), 0, ok ? GoldItems.CORRECT : GoldItems.WRONG, null, now);
  }

  /** The project's rule pack, as the findings route runs it, pre-places its findings on the new items. */
  private void placeAutoIssues(Project p, ReviewWorkflow wf, List<String> fresh, long now) {
    if (fresh.isEmpty()) return;
    JsonNode findings;
    try {
      findings = analysis.findings(projects.byId(p.id()).orElseThrow(), 10_000);
    } catch (ApiException | IOException e) {
      return; // no rule pack for this project: nothing to pre-place
    }
    Set<String> wanted = Set.copyOf(fresh);
    db.write(c -> {
      for (JsonNode f : findings.path("shown")) {
        String item = f.path("itemRef").asText(null);
        if (item == null || !wanted.contains(item)) continue;
        Row r = row(c, item);
        String ann = f.path("annotation").asText("");
        Integer index = ann.matches("#\\d+") ? Integer.valueOf(ann.substring(1)) : null;
        ReviewIssues.addAuto(c, p.id(), item, r == null ? null : r.stage(), f.path("rule").asText("rule"), index,
            f.path("message").asText(""), now);
      }
      return null;
    });
  }

  /** The caller's queue: items waiting at stages they may do, never their own work, oldest first. */
  public ObjectNode queue(Principal p, int limit) {
    Map<String, ReviewWorkflow> wfs = new HashMap<>();
    Map<String, Project> visible = new HashMap<>();
    for (Project pr : projects.list(p)) visible.put(pr.id(), pr);
    return db.read(c -> {
      ObjectNode out = Http.object();
      ArrayNode arr = out.putArray("items");
      List<Object[]> rows = Sql.list(c, "SELECT r.item_id, r.project_id, r.stage, r.author_id, r.round, r.entered_at, i.name, "
          + "u.username FROM review_items r JOIN items i ON i.id = r.item_id LEFT JOIN users u ON u.id = r.author_id "
          + "WHERE r.state = ? ORDER BY r.entered_at, r.item_id", rs -> new Object[] {rs.getString(1), rs.getString(2),
          rs.getString(3), rs.getString(4), rs.getInt(5), rs.getLong(6), rs.getString(7), rs.getString(8)}, PENDING);
      long total = 0;
      Map<String, Map<String, IsoInspection.StageState>> iso = new HashMap<>();
      for (Object[] r : rows) {
        Project pr = visible.get((String) r[1]);
        if (pr == null) continue;
        ReviewWorkflow wf = wfs.computeIfAbsent(pr.id(), k -> workflows.of(pr));
        ReviewWorkflow.StageRule rule = wf.stage((String) r[2]);
        if (rule == null || refusal(c, p, rule, (String) r[0], (String) r[3], (String) r[7]) != null) continue;
        total++;
        if (arr.size() >= limit) continue;
        arr.addObject().put("itemId", (String) r[0]).put("name", (String) r[6]).put("projectId", pr.id())
            .put("project", pr.name()).put("stage", rule.name()).put("kind", rule.kind().name().toLowerCase(java.util.Locale.ROOT))
            .put("author", (String) r[7]).put("round", (Integer) r[4]).put("enteredAt", (Long) r[5]);
        Map<String, IsoInspection.StageState> states = iso.get(pr.id());
        if (states == null) iso.put(pr.id(), states = IsoInspection.states(c, pr.id(), wf));
        IsoInspection.StageState st = states.get(rule.name());
        if (st != null) ((ObjectNode) arr.get(arr.size() - 1)).putObject("inspection").put("mode", IsoInspection.mode(st.state().mode()))
            .put("score", st.state().score());
      }
      out.put("total", total);
      return out;
    });
  }

  /** Why {@code p} may not review this item at this stage, or null when they may. */
  private static String refusal(Connection c, Principal p, ReviewWorkflow.StageRule rule, String itemId, String authorId,
                                String authorName) throws SQLException {
    if (!rule.allows(p.role(), p.username())) return "stage '" + rule.name() + "' is done by " + rule.roles() + " " + rule.users();
    if (p.userId().equals(authorId) && !rule.selfReview()) return "you cannot review your own work";
    String paired = rule.pairs().get(authorName);
    if (paired != null && !paired.equals(p.username())) return "stage '" + rule.name() + "': " + authorName + "'s work is reviewed by " + paired;
    if (rule.kind() == ReviewWorkflow.Kind.DUAL && Sql.count(c, "SELECT COUNT(*) FROM review_readings WHERE item_id = ? AND stage = ? "
        + "AND reader_id = ?", itemId, rule.name(), p.userId()) > 0) {
      return "you already read this item; the second reading must be someone else's";
    }
    return null;
  }

  /** A verdict: {@code {"verdict": "accept|reject|fix", "stage": ..., "comment"?, "annotations"?, "version"?}}. */
  public ObjectNode review(Principal p, String itemId, JsonNode body) {
    StoredItem s = items.require(p, itemId);
    String verdict = Http.text(body, "verdict");
    if (!Set.of("accept", "reject", "fix").contains(verdict)) throw ApiException.badRequest("verdict: accept, reject or fix");
    String stage = Http.text(body, "stage");
    String comment = Http.optionalText(body, "comment");
    List<Annotation> edited = body.hasNonNull("annotations") ? annotations(body.get("annotations")) : null;
    Project project = projects.require(p, s.projectId());
    ReviewWorkflow wf = workflows.of(project);
    ReviewWorkflow.StageRule rule = wf.stage(stage);
    if (rule == null) throw ApiException.badRequest("stage: '" + stage + "' is not a stage of this project's workflow");
    Row now0 = db.read(c -> row(c, itemId));
    if (now0 == null || !now0.state().equals(PENDING)) {
      throw ApiException.conflict("item " + itemId + " is not waiting for review" + (now0 == null ? "" : " (" + now0.state() + ")"));
    }
    if (!now0.stage().equals(stage)) throw ApiException.conflict("stage: the item is at stage '" + now0.stage() + "', not '" + stage + "'");
    String authorName = db.read(c -> Sql.one(c, "SELECT username FROM users WHERE id = ?", rs -> rs.getString(1), now0.authorId()).orElse(null));
    String refused = db.read(c -> refusal(c, p, rule, itemId, now0.authorId(), authorName));
    if (refused != null) throw ApiException.forbidden(refused);
    if (rule.kind() == ReviewWorkflow.Kind.DUAL) {
      if (!verdict.equals("accept") || edited == null) {
        throw ApiException.badRequest("annotations: a dual-reading stage takes the reader's own annotations with verdict accept");
      }
      return DualReading.read(this, db, items, p, s, wf, rule, now0, edited, clock.millis());
    }
    if (verdict.equals("fix")) {
      if (edited == null) throw ApiException.badRequest("annotations: fix needs the corrected annotations (and version)");
      JsonNode v = body.get("version");
      if (v == null || !v.canConvertToInt()) throw ApiException.badRequest("version: required with annotations (the version edited)");
      items.save(p, itemId, v.asInt(), edited);
      s = items.require(p, itemId);
    }
    return decide(p, s, wf, now0, verdict, comment, clock.millis());
  }

  /** Records the verdict and moves the item on (next stage, done, or back to its author). */
  ObjectNode decide(Principal p, StoredItem s, ReviewWorkflow wf, Row r, String verdict, String comment, long now) {
    return decide(p, s, wf, r, verdict, comment, null, now);
  }

  /** As above; {@code disagreements} is set when the verdict completes a dual reading. */
  ObjectNode decide(Principal p, StoredItem s, ReviewWorkflow wf, Row r, String verdict, String comment, Integer disagreements,
                    long now) {
    String next = null;
    if (!verdict.equals("reject")) {
      int at = r.route().indexOf(r.stage());
      next = at + 1 < r.route().size() ? r.route().get(at + 1) : null;
    }
    String state = verdict.equals("reject") ? RETURNED : next == null ? DONE : PENDING;
    String stage = verdict.equals("reject") ? r.stage() : next;
    final String fNext = next;
    db.write(c -> {
      int changed = Sql.update(c, "UPDATE review_items SET stage = ?, state = ?, entered_at = ?, updated_at = ? "
          + "WHERE item_id = ? AND state = ? AND stage = ? AND round = ?", stage == null ? r.stage() : stage, state,
          fNext != null ? now : r.enteredAt(), now, s.id(), PENDING, r.stage(), r.round());
      if (changed == 0) throw ApiException.conflict("item " + s.id() + " was reviewed by someone else meanwhile");
      recordEvent(c, r.projectId(), s.id(), r.stage(), r.round(), r.authorId(), p.userId(), verdict, comment, r.lotId(),
          r.lotSize(), countOf(s.annotations()), now - r.enteredAt(), null, disagreements, now);
      IsoInspection.verdictGiven(c, wf, r.projectId(), r.route(), r.stage(), r.lotId(), now);
      audit.append(c, new AuditLog.Entry(p.userId(), "review.verdict", "item", s.id(), Http.object().put("stage", r.stage())
          .put("verdict", verdict).put("comment", comment)));
      return null;
    });
    if (verdict.equals("reject")) {
      events.returned(new WorkEvents.Returned(r.projectId(), s.id(), p.userId(), comment == null ? "" : comment, now));
    }
    ObjectNode out = Http.object().put("itemId", s.id()).put("stage", r.stage()).put("verdict", verdict).put("state", state);
    out.put("nextStage", next);
    return out;
  }

  static void recordEvent(Connection c, String projectId, String itemId, String stage, int round, String authorId,
                          String reviewerId, String verdict, String comment, String lotId, long lotSize, int objects,
                          long waited, String goldAnswer, Integer disagreements, long now) throws SQLException {
    long seq = Sql.count(c, "SELECT COALESCE(MAX(seq), 0) FROM review_events WHERE project_id = ?", projectId) + 1;
    Sql.update(c, "INSERT INTO review_events (id, seq, project_id, item_id, stage, round, author_id, reviewer_id, verdict, comment, "
        + "lot_id, lot_size, objects, waited_ms, gold_answer, disagreements, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        Ids.newId(), seq, projectId, itemId, stage, round, authorId, reviewerId, verdict, comment, lotId, lotSize, objects,
        waited, goldAnswer, disagreements, now);
  }

  static int countOf(String annotationsJson) {
    try {
      return ItemCodec.array(annotationsJson).size();
    } catch (IOException e) {
      return 0;
    }
  }

  private static List<Annotation> annotations(JsonNode n) {
    try {
      return ItemCodec.readAnnotations(n);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("annotations" + e.getMessage().replaceFirst("^body:", ":"));
    }
  }

  /** Items per state and per stage (pending), for the dashboard. */
  static Map<String, Map<String, Long>> counts(Connection c, String projectId) throws SQLException {
    Map<String, Map<String, Long>> out = new LinkedHashMap<>();
    out.put("state", new LinkedHashMap<>());
    out.put("stage", new LinkedHashMap<>());
    for (Object[] r : Sql.list(c, "SELECT state, stage, COUNT(*) FROM review_items WHERE project_id = ? GROUP BY state, stage "
        + "ORDER BY state, stage", rs -> new Object[] {rs.getString(1), rs.getString(2), rs.getLong(3)}, projectId)) {
      out.get("state").merge((String) r[0], (Long) r[2], Long::sum);
      if (r[0].equals(PENDING)) out.get("stage").merge((String) r[1], (Long) r[2], Long::sum);
    }
    return out;
  }
}
