package org.trainset.server.routes;

import io.javalin.http.Context;
import java.util.EnumSet;
import org.trainset.server.ApiException;
import org.trainset.server.Platform;
import org.trainset.server.auth.Role;
import org.trainset.server.http.Http;
import org.trainset.server.http.RouteTable;

/**
 * The review dashboard's figures and the review history, as JSON or CSV ({@code ?format=csv}); the review
 * stages with their ISO 2859-1 inspection state, and a manager's resumption of a discontinued stage.
 */
public final class QualityRoutes {
  static final EnumSet<Role> READERS = EnumSet.of(Role.ADMIN, Role.MANAGER, Role.REVIEWER);

  private final Platform platform;

  public QualityRoutes(Platform platform) {
    this.platform = platform;
  }

  public void register(RouteTable t) {
    t.get("/api/projects/{id}/quality", READERS, this::quality);
    t.get("/api/projects/{id}/review-history", READERS, this::history);
    t.get("/api/projects/{id}/review-stages", READERS, this::stages);
    t.post("/api/projects/{id}/review-stages/{stage}/resume", RouteTable.OWNERS, this::resume);
  }

  private void stages(Context ctx) {
    Http.json(ctx, platform.review().inspections().stages(Http.principal(ctx), ctx.pathParam("id")));
  }

  private void resume(Context ctx) {
    Http.json(ctx, platform.review().inspections().resume(Http.principal(ctx), ctx.pathParam("id"), ctx.pathParam("stage")));
  }

  private void quality(Context ctx) {
    var p = Http.principal(ctx);
    String id = ctx.pathParam("id");
    if (csv(ctx)) text(ctx, platform.review().quality().dashboardCsv(p, id), "quality.csv");
    else Http.json(ctx, platform.review().quality().dashboard(p, id));
  }

  private void history(Context ctx) {
    var p = Http.principal(ctx);
    String id = ctx.pathParam("id");
    if (csv(ctx)) text(ctx, platform.review().quality().historyCsv(p, id), "review-history.csv");
    else Http.json(ctx, platform.review().quality().history(p, id));
  }

  private static boolean csv(Context ctx) {
    String f = ctx.queryParam("format");
    if (f == null || f.equals("json")) return false;
    if (f.equals("csv")) return true;
    throw ApiException.badRequest("format: json or csv");
  }

  private static void text(Context ctx, String body, String name) {
    ctx.status(200).contentType("text/csv; charset=utf-8").header("Content-Disposition", "attachment; filename=\"" + name + "\"")
        .result(body);
  }
}
