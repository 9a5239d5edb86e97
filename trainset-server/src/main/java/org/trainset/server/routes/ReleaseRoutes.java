package org.trainset.server.routes;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import org.trainset.server.Platform;
import org.trainset.server.auth.Principal;
import org.trainset.server.http.Http;
import org.trainset.server.http.RouteTable;
import org.trainset.server.project.Project;
import org.trainset.server.publish.ErrorReports;
import org.trainset.server.publish.ReleaseRequest;
import org.trainset.server.publish.Releases;

/** The project side of publishing: freezing releases, and the error reports data users filed. */
public final class ReleaseRoutes {
  private final Platform platform;

  public ReleaseRoutes(Platform platform) {
    this.platform = platform;
  }

  public void register(RouteTable t) {
    t.get("/api/projects/{id}/releases", RouteTable.OWNERS, this::list);
    t.post("/api/projects/{id}/releases", RouteTable.OWNERS, this::create);
    t.get("/api/projects/{id}/reports", RouteTable.OWNERS, this::reports);
    t.patch("/api/reports/{id}", RouteTable.OWNERS, this::updateReport);
  }

  private void list(Context ctx) {
    Project project = platform.projects().require(Http.principal(ctx), ctx.pathParam("id"));
    var out = Http.object();
    var arr = out.putArray("releases");
    for (Releases.ReleaseRow r : platform.releases().ofProject(project)) arr.add(r.toJson());
    Http.json(ctx, out);
  }

  private void create(Context ctx) throws java.io.IOException {
    Principal p = Http.principal(ctx);
    Project project = platform.projects().require(p, ctx.pathParam("id"));
    ReleaseRequest request = ReleaseRequest.fromJson(Http.objectBody(ctx));
    if (Http.prefersAsync(ctx)) {
      Http.startedAsync(ctx, platform.releases().start(platform.operations(), p, project, request));
    } else {
      Http.json(ctx, 201, platform.releases().create(p, project, request));
    }
  }

  private void reports(Context ctx) {
    var out = Http.object();
    var arr = out.putArray("reports");
    for (ErrorReports.Report r : platform.reports().ofProject(Http.principal(ctx), ctx.pathParam("id"))) arr.add(r.toJson());
    Http.json(ctx, out);
  }

  private void updateReport(Context ctx) {
    Principal p = Http.principal(ctx);
    String id = ctx.pathParam("id");
    JsonNode body = Http.objectBody(ctx);
    Http.json(ctx, platform.reports().update(p, id, Http.text(body, "state"), Http.optionalText(body, "note")).toJson());
  }
}
