package org.trainset.server.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.trainset.core.FormatRegistry;
import org.trainset.core.io.AtomicOutput;
import org.trainset.core.progress.Progress;
import org.trainset.core.spi.Format;
import org.trainset.core.spi.ReadOptions;
import org.trainset.publish.Release;
import org.trainset.server.ApiException;
import org.trainset.server.Ids;
import org.trainset.server.audit.AuditLog;
import org.trainset.server.auth.Principal;
import org.trainset.server.db.Database;
import org.trainset.server.db.Sql;
import org.trainset.server.http.Http;
import org.trainset.server.item.ProjectDataset;
import org.trainset.server.media.MediaStore;
import org.trainset.server.ops.Exports;
import org.trainset.server.ops.Operations;
import org.trainset.server.project.Project;
import org.trainset.server.project.ProjectAnalysis;

/**
 * Releases of projects into catalog datasets: {@link #create} checks the rights, freezes the
 * project's current items with the offline release's own {@link Release#freezeInto} into
 * {@code <dataDir>/releases/<dataset>/<version>/} (built in a staging folder and renamed into
 * place) and records the dataset and the release. A release never changes; a dataset belongs to
 * the project (and organisation) that first released it.
 */
public final class Releases {
  private static final String DATASET_COLS = "name, org_id, project_id, family, title, description, licence, citation, "
      + "card_json, tasks, latest_version, created_at, updated_at";
  private static final String DATASET_SELECT = DATASET_COLS + ", access_mode";
  private static final String RELEASE_COLS = "id, dataset_name, version, project_id, manifest_sha256, items, annotations, "
      + "bytes, summary_json, created_by, created_at";

  /** A dataset of the catalog; {@code card} is the latest release's card JSON. */
  public record Dataset(String name, String orgId, String projectId, String family, String title, String description,
                        String licence, String citation, String cardJson, String tasks, String latestVersion,
                        long createdAt, long updatedAt, String accessMode) {}

  /** One release, as recorded. */
  public record ReleaseRow(String id, String dataset, String version, String projectId, String manifestSha256, long items,
                           long annotations, long bytes, String summaryJson, String createdBy, long createdAt) {
    public ObjectNode toJson() {
      ObjectNode o = Http.object().put("id", id).put("dataset", dataset).put("version", version)
          .put("manifestSha256", manifestSha256).put("items", items).put("annotations", annotations).put("bytes", bytes)
          .put("createdAt", createdAt);
      try {
        o.set("summary", Http.MAPPER.readTree(summaryJson));
      } catch (IOException e) {
        throw new IllegalStateException("stored summary of release " + id + " is not JSON", e);
      }
      return o;
    }
  }

  private final Database db;
  private final MediaStore media;
  private final Path root;
  private final Clock clock;
  private final AuditLog audit;
  private final ProjectAnalysis analysis;
  private final FormatRegistry formats;
  /** The review stage's dashboard (caller, project id) → JSON; null when the server has none. */
  private final java.util.function.BiFunction<Principal, String, JsonNode> reviewFigures;

  public Releases(Database db, MediaStore media, Path dataDir, Clock clock, AuditLog audit, ProjectAnalysis analysis,
                  FormatRegistry formats, java.util.function.BiFunction<Principal, String, JsonNode> reviewFigures) {
    this.reviewFigures = reviewFigures;
    this.db = db;
    this.media = media;
    this.root = dataDir.resolve("releases");
    this.clock = clock;
    this.audit = audit;
    this.analysis = analysis;
    this.formats = formats;
  }

  /** The folder of a recorded release, when both the record and the folder exist. */
  public Optional<Path> releaseDir(String dataset, String version) {
    if (Release.nameProblem(dataset) != null || Release.versionProblem(version) != null) return Optional.empty();
    if (release(dataset, version).isEmpty()) return Optional.empty();
    Path dir = root.resolve(dataset).resolve(version);
    return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
  }

  public Optional<Dataset> dataset(String name) {
    return db.read(c -> Sql.one(c, "SELECT " + DATASET_SELECT + " FROM datasets WHERE name = ?", Releases::datasetRow, name));
  }

  /** The dataset or 404. */
  public Dataset requireDataset(String name) {
    return dataset(name).orElseThrow(() -> ApiException.notFound("dataset " + name));
  }

  public List<Dataset> datasets() {
    return db.read(c -> Sql.list(c, "SELECT " + DATASET_SELECT + " FROM datasets ORDER BY name", Releases::datasetRow));
  }

  public Optional<ReleaseRow> release(String dataset, String version) {
    return db.read(c -> Sql.one(c, "SELECT " + RELEASE_COLS + " FROM releases WHERE dataset_name = ? AND version = ?",
        Releases::releaseRow, dataset, version));
  }

  /** The release or 404. */
  public ReleaseRow requireRelease(String dataset, String version) {
    return release(dataset, version).orElseThrow(() -> ApiException.notFound("release " + dataset + " v" + version));
  }

  /** The dataset's releases, oldest version first. */
  public List<ReleaseRow> versions(String dataset) {
    return db.read(c -> Sql.list(c, "SELECT " + RELEASE_COLS + " FROM releases WHERE dataset_name = ? "
        + "ORDER BY major, minor, patch", Releases::releaseRow, dataset));
  }

  /** The project's releases, newest first. */
  public List<ReleaseRow> ofProject(Project p) {
    return db.read(c -> Sql.list(c, "SELECT " + RELEASE_COLS + " FROM releases WHERE project_id = ? "
        + "ORDER BY created_at DESC, id", Releases::releaseRow, p.id()));
  }

  /**
   * Starts {@link #create} as a background operation (kind {@code release}) and returns its id;
   * a freeze reads and writes the whole project, longer than an HTTP request should wait. The
   * request's own mistakes (names, formats, a taken version) are answered at once.
   */
  public String start(Operations operations, Principal p, Project project, ReleaseRequest r) {
    check(project, r);
    return operations.start(p, project.id(), "release", ctx -> create(p, project, r, ctx::progress));
  }

  /**
   * The freeze's passes (statistics, one per format, the sample) each report done/total of their
   * own; this spreads them over one 0..1 line, assuming passes of equal weight.
   */
  private static final class PassProgress implements Progress {
    private final int passes;
    private final java.util.function.DoubleConsumer out;
    private int started;
    private long total;

    PassProgress(int passes, java.util.function.DoubleConsumer out) {
      this.passes = passes;
      this.out = out;
    }

    @Override public void start(String task, long total) {
      started++;
      this.total = total;
      advance(0);
    }

    @Override public void advance(long done) {
      double within = total > 0 ? Math.min(1, done / (double) total) : 0;
      out.accept(Math.min(1, (Math.max(0, started - 1) + within) / passes));
    }

    @Override public void finish() { }
  }

  private record Checked(List<Format> formats, Optional<Dataset> existing, ReleaseRow latest) {}

  /** What can be refused before any work: names, formats, the dataset's owner, the version's order, an empty project. */
  private Checked check(Project project, ReleaseRequest r) {
    String problem = Release.nameProblem(r.dataset());
    if (problem != null) throw ApiException.badRequest("dataset: " + problem);
    problem = Release.versionProblem(r.version());
    if (problem != null) throw ApiException.badRequest("version: " + problem);
    List<Format> chosen = new ArrayList<>();
    for (int i = 0; i < r.formats().size(); i++) {
      String id = r.formats().get(i);
      int at = i;
      Format f = formats.find(id).orElseThrow(() -> ApiException.badRequest("formats[" + at + "]: unknown format '" + id + "'"));
      if (f.writer().isEmpty()) throw ApiException.badRequest("formats[" + i + "]: '" + id + "' cannot be written");
      chosen.add(f);
    }
    Optional<Dataset> existing = dataset(r.dataset());
    if (existing.isPresent() && !existing.get().projectId().equals(project.id())) {
      throw ApiException.conflict("dataset: '" + r.dataset() + "' is released from another project; choose another name");
    }
    List<ReleaseRow> earlier = versions(r.dataset());
    ReleaseRow latest = earlier.isEmpty() ? null : earlier.get(earlier.size() - 1);
    if (release(r.dataset(), r.version()).isPresent()) {
      throw ApiException.conflict("version: " + r.dataset() + " v" + r.version() + " exists; a release never changes");
    }
    if (latest != null && compare(r.version(), latest.version()) < 0) {
      throw ApiException.conflict("version: " + r.version() + " is older than the latest release " + latest.version());
    }
    if (project.items() == 0) throw new ApiException(422, "unprocessable", "project: it has no items to release");

    return new Checked(chosen, existing, latest);
  }

  /**
   * Freezes {@code project} as {@code r.dataset() vr.version()}. One release at a time per server:
   * a freeze reads the whole project, and two at once would only compete for the same disk.
   */
  public ObjectNode create(Principal p, Project project, ReleaseRequest r) throws IOException {
    return create(p, project, r, fraction -> { });
  }

  /** {@link #create}, telling {@code progress} the fraction done (0..1) as the freeze's passes advance. */
  public synchronized ObjectNode create(Principal p, Project project, ReleaseRequest r, java.util.function.DoubleConsumer progress)
      throws IOException {
    Checked checked = check(project, r);
    List<Format> chosen = checked.formats();
    Optional<Dataset> existing = checked.existing();
    ReleaseRow latest = checked.latest();

    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    ReleaseRights.Outcome rights = ReleaseRights.check(project.family(), ProjectDataset.source(db, media, project, null),
        r.licences(), r.consents(), today);
    if (!rights.problems().isEmpty()) {
      throw new ApiException(422, "rights_missing", rights.problems().size() + " item(s) cannot be published: "
          + rights.describe(20));
    }

    ObjectNode findings = inspection(project);
    ObjectNode review = review(p, project);
    Map<String, Double> measured = new TreeMap<>();
    ObjectNode stats = analysis.stats(project);
    Map<String, Long> byLabel = new TreeMap<>();
    stats.path("byLabel").fields().forEachRemaining(e -> byLabel.put(e.getKey(), e.getValue().asLong()));
    QualityTargets.classShares(byLabel, measured);
    if (findings.has("items") && findings.get("items").asLong() > 0) {
      long errors = findings.path("bySeverity").path("error").asLong(0);
      measured.put("inspectionErrorsPerItem", Math.round(1e6 * errors / findings.get("items").asDouble()) / 1e6);
    }
    JsonNode domains = review.path("mqm").path("domains");
    if (domains.isObject() && !domains.isEmpty()) {
      double min = Double.MAX_VALUE;
      for (JsonNode d : domains) min = Math.min(min, d.asDouble());
      measured.put("mqmScore", min); // the weakest domain: every domain must reach the goal
    }
    ObjectNode quality = QualityTargets.evaluate(project.family(), measured, r.achieved());
    List<ErrorReports.Fixed> fixed = ErrorReports.unshippedFixes(db, r.dataset());

    Files.createDirectories(root.resolve(r.dataset()));
    Path folder = root.resolve(r.dataset()).resolve(r.version());
    if (Files.exists(folder)) AtomicOutput.deleteRecursively(folder); // left by a crash before its record was written
    Path work = Files.createTempDirectory(root, ".work-");
    Release.Result result;
    try {
      Path view = work.resolve("media-view");
      var plan = ProjectDataset.plan(db, media, project, view);
      ObjectNode extra = Http.object();
      extra.putObject("project").put("name", project.name()).put("family", project.family())
          .put("rulePack", project.rulePack()).put("importFormat", project.format()).put("generation", project.generation());
      extra.set("inspection", findings);
      extra.set("review", review);
      extra.set("rights", rights.json());
      extra.set("quality", quality);
      extra.set("card", cardText(r, existing.orElse(null)));
      ObjectNode notes = null;
      if (!fixed.isEmpty()) {
        notes = Http.object();
        var arr = notes.putArray("fixedReports");
        for (ErrorReports.Fixed f : fixed) arr.add(f.toJson());
      }
      Release.Request request = new Release.Request(r.dataset(), r.version(), new Exports.ProjectFormat(plan), view, chosen,
          r.sampleSize(), r.seed(), r.sampleTolerance(), latest == null ? null : root.resolve(r.dataset()).resolve(latest.version()),
          ReadOptions.defaults(), new Release.Extras(extra, notes, SampleDeid.forFamily(project.family(), work.resolve("deid"))));
      result = Release.freezeInto(request, folder, new PassProgress(2 + chosen.size(), progress));
    } finally {
      AtomicOutput.deleteRecursively(work);
    }
    try {
      return record(p, project, r, existing.orElse(null), result, quality, fixed);
    } catch (RuntimeException e) {
      AtomicOutput.deleteRecursively(folder); // no record, no release: the same request may be sent again
      throw e;
    }
  }

  private ObjectNode record(Principal p, Project project, ReleaseRequest r, Dataset existing, Release.Result result,
                            ObjectNode quality, List<ErrorReports.Fixed> fixed) {
    ObjectNode summary = result.toJson();
    summary.remove("folder"); // a server path: not for clients
    summary.set("quality", quality);
    ObjectNode card = DatasetCards.card(project, result, readManifest(result.folder()));
    long now = clock.millis();
    String id = Ids.newId();
    String[] v = r.version().split("\\.");
    String tasks = String.join(",", DatasetCards.tasks(result.counts().byType().keySet()));
    ObjectNode text = cardText(r, existing);
    return db.write(c -> {
      if (existing == null) {
        Sql.update(c, "INSERT INTO datasets (" + DATASET_COLS + ", created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            r.dataset(), project.orgId(), project.id(), project.family(), text.get("title").asText(),
            text.get("description").asText(), text.get("licence").asText(), text.get("citation").asText(),
            card.toString(), tasks, r.version(), now, now, p.userId());
      } else {
        Sql.update(c, "UPDATE datasets SET family = ?, title = ?, description = ?, licence = ?, citation = ?, card_json = ?, "
            + "tasks = ?, latest_version = ?, updated_at = ? WHERE name = ?", project.family(), text.get("title").asText(),
            text.get("description").asText(), text.get("licence").asText(), text.get("citation").asText(), card.toString(),
            tasks, r.version(), now, r.dataset());
      }
      Sql.update(c, "INSERT INTO releases (" + RELEASE_COLS + ", major, minor, patch) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          id, r.dataset(), r.version(), project.id(), result.manifestSha256(), result.counts().items(),
          result.counts().annotations(), summary.get("bytes").asLong(), summary.toString(), p.userId(), now,
          Integer.parseInt(v[0]), Integer.parseInt(v[1]), Integer.parseInt(v[2]));
      for (ErrorReports.Fixed f : fixed) {
        Sql.update(c, "UPDATE error_reports SET shipped_in = ? WHERE id = ?", r.version(), f.id());
      }
      ObjectNode detail = Http.object().put("dataset", r.dataset()).put("version", r.version()).put("projectId", project.id())
          .put("manifestSha256", result.manifestSha256());
      audit.append(c, new AuditLog.Entry(p.userId(), "release.create", "release", id, detail));
      ObjectNode out = Http.object().put("id", id).put("dataset", r.dataset()).put("version", r.version())
          .put("manifestSha256", result.manifestSha256()).put("items", result.counts().items())
          .put("annotations", result.counts().annotations()).put("bytes", summary.get("bytes").asLong()).put("createdAt", now);
      out.set("summary", summary);
      return out;
    });
  }

  /** Title, description, licence and citation: the request's, else the dataset's earlier ones, else defaults. */
  private static ObjectNode cardText(ReleaseRequest r, Dataset d) {
    ObjectNode o = Http.object();
    o.put("title", r.title() != null ? r.title() : d != null ? d.title() : r.dataset());
    o.put("description", r.description() != null ? r.description() : d != null ? d.description() : "");
    o.put("licence", r.licence() != null ? r.licence() : d != null ? d.licence() : "unspecified");
    o.put("citation", r.citation() != null ? r.citation() : d != null ? d.citation() : "");
    return o;
  }

  /** The project's inspection at freeze time (its rule pack's counts), or why there is none. */
  private ObjectNode inspection(Project project) throws IOException {
    try {
      ObjectNode f = analysis.findings(project, 0);
      ObjectNode o = Http.object();
      for (String k : List.of("pack", "items", "findings", "bySeverity", "byRule")) if (f.has(k)) o.set(k, f.get(k));
      return o;
    } catch (ApiException | org.trainset.core.io.InputException e) {
      // no pack, or the pack recognises nothing in these items: stated, not fatal to the release
      return Http.object().put("pack", (String) null).put("note", "not inspected: " + e.getMessage());
    }
  }

  /**
   * The review stage's project figures at freeze time (items by state, pending by stage, open
   * issues, reader agreement, MQM by domain, lot inspection): counts only, no ids, names or times,
   * so the release stays reproducible.
   */
  private ObjectNode review(Principal p, Project project) {
    if (reviewFigures == null) return Http.object().put("note", "no review stage on this server");
    try {
      JsonNode all = reviewFigures.apply(p, project.id());
      JsonNode proj = all.path("project");
      ObjectNode o = Http.object().put("workflow", all.path("workflow").asText(null));
      for (String k : List.of("itemsByState", "pendingByStage", "openIssuesByCategory", "agreement", "lots")) {
        if (proj.has(k)) o.set(k, proj.get(k));
      }
      if (proj.path("mqm").has("domains")) o.putObject("mqm").set("domains", proj.path("mqm").get("domains"));
      return o;
    } catch (RuntimeException e) {
      return Http.object().put("note", "no review figures: " + e.getMessage());
    }
  }

  static JsonNode readManifest(Path folder) {
    try {
      return Http.MAPPER.readTree(folder.resolve("manifest.json").toFile());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Semantic-version order. */
  static int compare(String a, String b) {
    String[] x = a.split("\\."), y = b.split("\\.");
    for (int i = 0; i < 3; i++) {
      int c = Long.compare(Long.parseLong(x[i]), Long.parseLong(y[i]));
      if (c != 0) return c;
    }
    return 0;
  }

  private static Dataset datasetRow(ResultSet rs) throws SQLException {
    return new Dataset(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
        rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getLong(12), rs.getLong(13),
        rs.getString(14));
  }

  private static ReleaseRow releaseRow(ResultSet rs) throws SQLException {
    return new ReleaseRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getLong(6),
        rs.getLong(7), rs.getLong(8), rs.getString(9), rs.getString(10), rs.getLong(11));
  }

  Database db() {
    return db;
  }
}
