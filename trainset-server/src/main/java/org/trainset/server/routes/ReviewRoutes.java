package org.trainset.server.routes;

import io.javalin.http.Context;
import java.util.EnumSet;
import org.trainset.server.Platform;
import org.trainset.server.auth.Role;
import org.trainset.server.http.Http;
import org.trainset.server.http.RouteTable;

/** Review: a project's workflow, the reviewer's queue, verdicts, issues on shapes and gold items. */
public final class ReviewRoutes {
  /** Roles that may give verdicts and open issues (the workflow narrows this per stage). */
  static final EnumSet<Role> REVIEWERS = EnumSet.of(Role.ADMIN, Role.MANAGER, Role.ANNOTATOR, Role.REVIEWER);

  private final Platform platform;

  public ReviewRoutes(Platform platform) {
    this.platform = platform;
  }

  public void register(RouteTable t) {
    t.get("/api/projects/{id}/workflow", RouteTable.WORKERS, this::workflow);
    t.put("/api/projects/{id}/workflow", RouteTable.OWNERS, this::saveWorkflow);
    t.get("/api/me/reviews", REVIEWERS, this::queue);
    t.post("/api/items/{id}/review", REVIEWERS, this::review);
    t.get("/api/items/{id}/issues", RouteTable.WORKERS, this::issues);
    t.post("/api/items/{id}/issues", REVIEWERS, this::openIssue);
    t.patch("/api/issues/{id}", RouteTable.WORKERS, this::updateIssue);
    t.put("/api/items/{id}/gold", RouteTable.OWNERS, this::gold);
  }

  private void workflow(Context ctx) {
    Http.json(ctx, platform.review().workflows().get(Http.principal(ctx), ctx.pathParam("id")));
  }

  private void saveWorkflow(Context ctx) {
    var p = Http.principal(ctx);
    platform.projects().require(p, ctx.pathParam("id"));
    Http.json(ctx, platform.review().workflows().put(p, ctx.pathParam("id"), Http.objectBody(ctx)));
  }

  private void queue(Context ctx) {
    Http.json(ctx, platform.review().flow().queue(Http.principal(ctx), Http.intQuery(ctx, "limit", 100, 1, 1000)));
  }

  private void review(Context ctx) {
    var p = Http.principal(ctx);
    platform.items().require(p, ctx.pathParam("id"));
    Http.json(ctx, platform.review().flow().review(p, ctx.pathParam("id"), Http.objectBody(ctx)));
  }

  private void issues(Context ctx) {
    Http.json(ctx, platform.review().issues().list(Http.principal(ctx), ctx.pathParam("id")));
  }

  private void openIssue(Context ctx) {
    var p = Http.principal(ctx);
    platform.items().require(p, ctx.pathParam("id"));
    Http.json(ctx, 201, platform.review().issues().create(p, ctx.pathParam("id"), Http.objectBody(ctx)));
  }

  private void updateIssue(Context ctx) {
    Http.json(ctx, platform.review().issues().update(Http.principal(ctx), ctx.pathParam("id"), Http.objectBody(ctx)));
  }

  private void gold(Context ctx) {
    var p = Http.principal(ctx);
    platform.items().require(p, ctx.pathParam("id"));
    Http.json(ctx, platform.review().gold().mark(p, ctx.pathParam("id"), Http.objectBody(ctx)));
  }
}
