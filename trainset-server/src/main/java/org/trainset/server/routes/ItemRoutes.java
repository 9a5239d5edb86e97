package org.trainset.server.routes;

import io.javalin.http.Context;
import java.io.IOException;
import org.trainset.server.Platform;
import org.trainset.server.auth.Principal;
import org.trainset.server.http.Http;
import org.trainset.server.item.Items;
import org.trainset.server.item.StoredItem;
import org.trainset.server.project.Project;

/** The item browser's pages, one item, annotation saves (If-Match) and the version history. */
public final class ItemRoutes {
  private final Platform platform;

  public ItemRoutes(Platform platform) {
    this.platform = platform;
  }

  public void register(org.trainset.server.http.RouteTable t) {
    t.get("/api/projects/{id}/items", org.trainset.server.http.RouteTable.WORKERS, this::page);
    t.get("/api/items/{id}", org.trainset.server.http.RouteTable.WORKERS, this::get);
    t.put("/api/items/{id}/annotations", org.trainset.server.http.RouteTable.WORKERS, this::save);
    t.get("/api/items/{id}/versions", org.trainset.server.http.RouteTable.WORKERS, this::versions);
  }

  private void page(Context ctx) {
    Principal p = Http.principal(ctx);
    Project project = platform.projects().require(p, ctx.pathParam("id"));
    int offset = Http.intQuery(ctx, "offset", 0, 0, Integer.MAX_VALUE);
    int limit = Http.intQuery(ctx, "limit", 100, 1, 1000);
    Http.json(ctx, platform.items().page(project, offset, limit, ctx.queryParam("label"), ctx.queryParam("subset"), ctx.queryParam("q")));
  }

  private void get(Context ctx) throws IOException {
    StoredItem s = platform.items().require(Http.principal(ctx), ctx.pathParam("id"));
    ctx.header("ETag", "\"" + s.version() + "\"");
    Http.json(ctx, platform.items().toJson(s));
  }

  private void save(Context ctx) {
    int expected = Items.ifMatch(ctx.header("If-Match"));
    var annotations = Items.annotationsOf(Http.body(ctx));
    String id = ctx.pathParam("id");
    int version = platform.items().save(Http.principal(ctx), id, expected, annotations);
    ctx.header("ETag", "\"" + version + "\"");
    Http.json(ctx, Http.object().put("id", id).put("version", version));
  }

  private void versions(Context ctx) {
    StoredItem s = platform.items().require(Http.principal(ctx), ctx.pathParam("id"));
    var out = Http.object();
    out.set("versions", platform.items().versions(s));
    Http.json(ctx, out);
  }
}
