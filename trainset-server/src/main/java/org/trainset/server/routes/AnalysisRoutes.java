package org.trainset.server.routes;

import io.javalin.http.Context;
import java.io.IOException;
import org.trainset.server.Platform;
import org.trainset.server.auth.Principal;
import org.trainset.server.http.Http;
import org.trainset.server.http.RouteTable;
import org.trainset.server.project.Project;

/** A project's statistics (as `trainset stats --json`) and findings (as `trainset inspect --json`). */
public final class AnalysisRoutes {
  private final Platform platform;

  public AnalysisRoutes(Platform platform) {
    this.platform = platform;
  }

  public void register(RouteTable t) {
    t.get("/api/projects/{id}/stats", RouteTable.SIGNED_IN, this::stats);
    t.get("/api/projects/{id}/findings", RouteTable.WORKERS, this::findings);
  }

  private void stats(Context ctx) throws IOException {
    Principal p = Http.principal(ctx);
    Project project = platform.projects().require(p, ctx.pathParam("id"));
    Http.json(ctx, platform.analysis().stats(project));
  }

  private void findings(Context ctx) throws IOException {
    Principal p = Http.principal(ctx);
    Project project = platform.projects().require(p, ctx.pathParam("id"));
    int keep = Http.intQuery(ctx, "limit", 1000, 0, 10_000);
    Http.json(ctx, platform.analysis().findings(project, keep));
  }
}
