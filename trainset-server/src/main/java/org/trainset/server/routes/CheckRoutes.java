package org.trainset.server.routes;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import org.trainset.server.ApiException;
import org.trainset.server.Platform;
import org.trainset.server.auth.Principal;
import org.trainset.server.http.Http;
import org.trainset.server.http.RouteTable;
import org.trainset.server.item.Items;
import org.trainset.server.item.StoredItem;
import org.trainset.server.project.Project;

/** Live guideline checks of one item: as saved, or of a draft of its annotations. */
public final class CheckRoutes {
  private final Platform platform;

  public CheckRoutes(Platform platform) {
    this.platform = platform;
  }

  public void register(RouteTable t) {
    t.get("/api/items/{id}/findings", RouteTable.WORKERS, this::saved);
    t.post("/api/items/{id}/check", RouteTable.WORKERS, this::draft);
  }

  private void saved(Context ctx) {
    Principal p = Http.principal(ctx);
    StoredItem s = platform.items().require(p, ctx.pathParam("id"));
    Project project = platform.projects().require(p, s.projectId());
    Http.json(ctx, platform.checks().check(project, s, null).toJson());
  }

  private void draft(Context ctx) {
    Principal p = Http.principal(ctx);
    StoredItem s = platform.items().require(p, ctx.pathParam("id"));
    Project project = platform.projects().require(p, s.projectId());
    JsonNode body = Http.objectBody(ctx);
    JsonNode anns = body.get("annotations");
    if (anns == null || anns.isNull()) throw ApiException.badRequest("annotations: required (the draft's annotations)");
    try {
      Http.json(ctx, platform.checks().check(project, s, Items.annotationsOf(anns)).toJson());
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("annotations" + e.getMessage().replaceFirst("^body", ""));
    }
  }
}
