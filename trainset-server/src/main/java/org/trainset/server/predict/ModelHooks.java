package org.trainset.server.predict;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.trainset.core.model.AnnotationMeta;
import org.trainset.core.model.Box;
import org.trainset.server.ApiException;
import org.trainset.server.audit.AuditLog;
import org.trainset.server.auth.Principal;
import org.trainset.server.db.Database;
import org.trainset.server.db.Sql;
import org.trainset.server.http.Http;
import org.trainset.server.item.Items;
import org.trainset.server.item.StoredItem;
import org.trainset.server.job.Job;
import org.trainset.server.job.Jobs;
import org.trainset.server.media.MediaStore;
import org.trainset.server.project.Project;

/**
 * A project's model server: "pre-annotate job" posts each item's image to it (the body is the
 * image, its media type from the file name) and stores the boxes it answers,
 * {@code {"boxes": [{"x", "y", "w", "h", "label", "score"?}]}}, as drafts. Only http(s) URLs;
 * redirects are not followed; each call has a time limit and a size limit on the answer.
 */
public final class ModelHooks {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final int MAX_ANSWER = 16 * 1024 * 1024;

  private final Database db;
  private final Jobs jobs;
  private final Items items;
  private final MediaStore media;
  private final AuditLog audit;
  private final Clock clock;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
      .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();

  public ModelHooks(Database db, Jobs jobs, Items items, MediaStore media, AuditLog audit, Clock clock) {
    this.db = db;
    this.jobs = jobs;
    this.items = items;
    this.media = media;
    this.audit = audit;
    this.clock = clock;
  }

  public String get(Project project) {
    return db.read(c -> Sql.one(c, "SELECT url FROM model_hooks WHERE project_id = ?", rs -> rs.getString(1), project.id())).orElse(null);
  }

  /** Registers (or with null removes) the project's model server. */
  public String set(Principal p, Project project, String url) {
    if (url != null) checkUrl(url);
    db.write(c -> {
      Sql.update(c, "DELETE FROM model_hooks WHERE project_id = ?", project.id());
      if (url != null) Sql.update(c, "INSERT INTO model_hooks (project_id, url, set_by, set_at) VALUES (?, ?, ?, ?)",
          project.id(), url, p.userId(), clock.millis());
      audit.append(c, new AuditLog.Entry(p.userId(), "model-hook.set", "project", project.id(), Http.object().put("url", url)));
      return null;
    });
    return url;
  }

  static URI checkUrl(String url) {
    URI u;
    try {
      u = new URI(url);
    } catch (URISyntaxException e) {
      throw ApiException.badRequest("url: not a URL: " + e.getMessage());
    }
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) throw ApiException.badRequest("url: only http or https URLs, got '" + url + "'");
    if (u.getHost() == null || u.getHost().isEmpty()) throw ApiException.badRequest("url: no host in '" + url + "'");
    if (u.getUserInfo() != null) throw ApiException.badRequest("url: credentials in the URL are not allowed");
    return u;
  }

  /** Posts each image of the job to the hook; stores what comes back as drafts (one transaction per item). */
  /**
   * Starts {@link #preAnnotate} as a background operation (kind {@code pre-annotate}): the model
   * is called once per item. An invisible job or a missing hook is answered at once.
   */
  public String start(org.trainset.server.ops.Operations operations, Principal p, String jobId) {
    Job job = jobs.requireVisible(p, jobId);
    hookOf(job);
    return operations.start(p, job.projectId(), "pre-annotate", ctx -> preAnnotate(p, jobId));
  }

  private URI hookOf(Job job) {
    String url = db.read(c -> Sql.one(c, "SELECT url FROM model_hooks WHERE project_id = ?", rs -> rs.getString(1), job.projectId()))
        .orElseThrow(() -> ApiException.conflict("the project has no model hook; register one with PUT /api/projects/{id}/model-hook"));
    return checkUrl(url);
  }

  public ObjectNode preAnnotate(Principal p, String jobId) {
    Job job = jobs.requireVisible(p, jobId);
    URI target = hookOf(job);
    int itemsDone = 0;
    int drafts = 0;
    ArrayNode failed = Http.MAPPER.createArrayNode();
    for (String itemId : jobs.itemIds(job)) {
      StoredItem s = items.find(itemId).orElse(null);
      Path file = s == null ? null : s.firstMedia().map(m -> media.pathOf(m.sha256())).orElse(null);
      if (file == null) continue;
      try {
        List<Drafts.NewDraft> found = call(target, file, mediaType(s));
        long now = clock.millis();
        db.write(c -> {
          for (Drafts.NewDraft d : found) Drafts.insert(c, itemId, job.projectId(), d, p.userId(), now);
          return null;
        });
        itemsDone++;
        drafts += found.size();
      } catch (IOException | RuntimeException e) {
        failed.addObject().put("itemId", itemId).put("error", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    audit.append(p.userId(), "job.pre-annotate", "job", jobId, Http.object().put("url", target.toString()).put("items", itemsDone).put("drafts", drafts));
    ObjectNode out = Http.object().put("items", itemsDone).put("drafts", drafts);
    out.set("failed", failed);
    return out;
  }

  private List<Drafts.NewDraft> call(URI target, Path file, String type) throws IOException, InterruptedException {
    HttpRequest req = HttpRequest.newBuilder(target).timeout(TIMEOUT).header("Content-Type", type)
        .POST(HttpRequest.BodyPublishers.ofFile(file)).build();
    HttpResponse<java.io.InputStream> r;
    try {
      r = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
    } catch (java.net.http.HttpTimeoutException e) {
      throw e;
    } catch (IOException e) {
      // once more on a fresh connection: a connection the server closed as it was reused fails with
      // no response at all ("header parser received no bytes"); a prediction is safe to ask twice,
      // since drafts are stored only from an answer
      r = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
    }
    byte[] body;
    try (var in = r.body()) {
      body = in.readNBytes(MAX_ANSWER + 1);
    }
    if (r.statusCode() != 200) throw new IOException("model server answered " + r.statusCode());
    if (body.length > MAX_ANSWER) throw new IOException("model server answer larger than " + MAX_ANSWER + " bytes");
    JsonNode boxes = Http.MAPPER.readTree(body).path("boxes");
    if (!boxes.isArray()) throw new IOException("model server answer has no 'boxes' array");
    String source = "hook:" + target.getHost();
    List<Drafts.NewDraft> out = new ArrayList<>();
    for (int i = 0; i < boxes.size(); i++) {
      JsonNode b = boxes.get(i);
      for (String k : new String[] {"x", "y", "w", "h"}) {
        if (!b.path(k).isNumber()) throw new IOException("boxes[" + i + "]." + k + ": expected a number");
      }
      String label = b.path("label").asText("object");
      Double score = b.path("score").isNumber() ? b.get("score").asDouble() : null;
      AnnotationMeta meta = new AnnotationMeta(null, label.isBlank() ? "object" : label, Map.of(), null, 0, false, source);
      out.add(new Drafts.NewDraft(new Box(meta, b.get("x").asDouble(), b.get("y").asDouble(), b.get("w").asDouble(), b.get("h").asDouble()),
          score, source));
    }
    return out;
  }

  private static String mediaType(StoredItem s) {
    String path;
    try {
      path = Http.MAPPER.readTree(s.body()).path("media").path(0).path("path").asText("").toLowerCase(Locale.ROOT);
    } catch (IOException e) {
      path = "";
    }
    if (path.endsWith(".png")) return "image/png";
    if (path.endsWith(".jpg") || path.endsWith(".jpeg")) return "image/jpeg";
    if (path.endsWith(".bmp")) return "image/bmp";
    if (path.endsWith(".webp")) return "image/webp";
    return "application/octet-stream";
  }
}
