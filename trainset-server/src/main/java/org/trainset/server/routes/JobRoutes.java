package org.trainset.server.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import org.trainset.server.ApiException;
import org.trainset.server.Platform;
import org.trainset.server.auth.Principal;
import org.trainset.server.auth.Role;
import org.trainset.server.http.Http;
import org.trainset.server.http.RouteTable;
import org.trainset.server.job.Job;
import org.trainset.server.job.JobRequest;
import org.trainset.server.job.Jobs;
import org.trainset.server.job.Workers;
import org.trainset.server.project.Project;

/** Jobs and queues (split, assign, take, my jobs, submit), workers' qualifications, de-identification jobs. */
public final class JobRoutes {
  /** Managers and the annotators who work on jobs. */
  static final EnumSet<Role> ASSIGNABLE = EnumSet.of(Role.ADMIN, Role.MANAGER, Role.ANNOTATOR);

  private final Platform platform;

  public JobRoutes(Platform platform) {
    this.platform = platform;
  }

  public void register(RouteTable t) {
    t.get("/api/projects/{id}/jobs", RouteTable.WORKERS, this::list);
    t.post("/api/projects/{id}/jobs", RouteTable.OWNERS, this::create);
    t.get("/api/jobs/{id}", RouteTable.WORKERS, this::get);
    t.post("/api/jobs/{id}/assignee", ASSIGNABLE, this::assignee);
    t.get("/api/me/jobs", RouteTable.WORKERS, this::mine);
    t.post("/api/jobs/{id}/submit", ASSIGNABLE, this::submit);
    t.post("/api/jobs/{id}/apply-deid", RouteTable.OWNERS, this::applyDeid);
    t.post("/api/jobs/{id}/dedup-decisions", ASSIGNABLE, this::dedupDecisions);
    t.get("/api/users", RouteTable.OWNERS, this::users);
    t.put("/api/users/{id}/qualifications", RouteTable.OWNERS, this::qualifications);
  }

  private void list(Context ctx) {
    Principal p = Http.principal(ctx);
    Project project = platform.projects().require(p, ctx.pathParam("id"));
    Http.json(ctx, Jobs.toJson(platform.jobs().list(p, project)));
  }

  private void create(Context ctx) throws IOException {
    Principal p = Http.principal(ctx);
    Project project = platform.projects().require(p, ctx.pathParam("id"));
    JobRequest req = JobRequest.of(Http.objectBody(ctx));
    if (Http.prefersAsync(ctx)) {
      Http.startedAsync(ctx, platform.jobs().start(platform.operations(), p, project, req));
    } else {
      Http.json(ctx, 201, Jobs.toJson(platform.jobs().create(p, project, req)));
    }
  }

  private void get(Context ctx) {
    Jobs jobs = platform.jobs();
    Job j = jobs.require(Http.principal(ctx), ctx.pathParam("id"));
    ObjectNode out = jobs.detail(j);
    if (Job.DEDUP.equals(j.kind())) out.set("clusters", platform.dedup().clusters(j));
    Http.json(ctx, out);
  }

  private void assignee(Context ctx) {
    Principal p = Http.principal(ctx);
    String id = ctx.pathParam("id");
    platform.jobs().requireVisible(p, id);
    JsonNode body = Http.objectBody(ctx);
    JsonNode take = body.get("take");
    Job j;
    if (take != null && !take.isNull()) {
      if (!take.isBoolean() || !take.asBoolean()) throw ApiException.badRequest("take: expected true");
      if (body.has("userId")) throw ApiException.badRequest("userId, take: give one of them");
      j = platform.jobs().take(p, id);
    } else if (body.has("userId")) {
      JsonNode u = body.get("userId");
      if (!u.isNull() && (!u.isTextual() || u.asText().isBlank())) throw ApiException.badRequest("userId: expected a user id or null");
      j = platform.jobs().assign(p, id, u.isNull() ? null : u.asText());
    } else {
      throw ApiException.badRequest("userId, take: give one of them");
    }
    Http.json(ctx, j.toJson());
  }

  private void mine(Context ctx) {
    Http.json(ctx, Jobs.toJson(platform.jobs().mine(Http.principal(ctx))));
  }

  private void submit(Context ctx) {
    Principal p = Http.principal(ctx);
    String id = ctx.pathParam("id");
    platform.jobs().require(p, id);
    JsonNode body = ctx.contentLength() <= 0 && ctx.contentType() == null ? Http.object() : Http.objectBody(ctx);
    JsonNode override = body.get("override");
    if (override != null && !override.isNull() && !override.isBoolean()) throw ApiException.badRequest("override: expected true or false");
    Jobs.SubmitOutcome r = platform.jobs().submit(p, id, override != null && override.asBoolean(), Http.optionalText(body, "reason"));
    if (r.refused()) {
      ObjectNode out = Http.object().put("error", "open_findings")
          .put("detail", r.openErrors().size() + " open error(s) from the live check; fix them or submit with override");
      ArrayNode arr = out.putArray("findings");
      r.openErrors().forEach(arr::add);
      Http.json(ctx, 409, out);
      return;
    }
    Http.json(ctx, r.job().toJson());
  }

  private void applyDeid(Context ctx) throws IOException {
    Http.json(ctx, platform.deid().apply(Http.principal(ctx), ctx.pathParam("id")));
  }

  private void dedupDecisions(Context ctx) {
    Principal p = Http.principal(ctx);
    String id = ctx.pathParam("id");
    platform.jobs().requireVisible(p, id); // 404 for other organisations before the body is read
    ObjectNode out = Http.object();
    out.set("clusters", platform.dedup().decide(p, id, org.trainset.server.job.DedupJobs.parse(Http.objectBody(ctx))));
    Http.json(ctx, out);
  }

  private void users(Context ctx) {
    ObjectNode out = Http.object();
    ArrayNode arr = out.putArray("users");
    platform.workers().list(Http.principal(ctx)).forEach(arr::add);
    Http.json(ctx, out);
  }

  private void qualifications(Context ctx) {
    Principal p = Http.principal(ctx);
    String id = ctx.pathParam("id");
    platform.workers().requireVisible(p, id); // 404 for users of other organisations before the body is read
    Http.json(ctx, platform.workers().set(p, id, Workers.parse(Http.objectBody(ctx))));
  }
}
