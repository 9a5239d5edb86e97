package org.trainset.server.routes;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import org.trainset.server.ApiException;
import org.trainset.server.Platform;
import org.trainset.server.http.Http;
import org.trainset.server.http.RangeResponder;
import org.trainset.server.http.RouteTable;
import org.trainset.server.publish.Catalog;

/** The public catalog API: search, dataset cards, files of a version, changes; and error reports from data users. */
public final class CatalogRoutes {
  private final Platform platform;

  public CatalogRoutes(Platform platform) {
    this.platform = platform;
  }

  public void register(RouteTable t) {
    t.get("/api/catalog", RouteTable.PUBLIC, this::search);
    t.get("/api/datasets/{name}", RouteTable.PUBLIC, ctx -> Http.json(ctx, platform.catalog().cardJson(ctx.pathParam("name"))));
    t.get("/api/datasets/{name}/versions/{v}/files", RouteTable.PUBLIC,
        ctx -> Http.json(ctx, platform.catalog().filesJson(ctx.pathParam("name"), ctx.pathParam("v"))));
    t.get("/api/datasets/{name}/versions/{v}/changes", RouteTable.PUBLIC,
        ctx -> Http.json(ctx, platform.catalog().changesJson(ctx.pathParam("name"), ctx.pathParam("v"), ctx.queryParam("from"))));
    t.post("/api/datasets/{name}/reports", RouteTable.SIGNED_IN, this::report);
    // the public sample (de-identified at freeze time): what the read-only viewer shows
    t.get("/api/datasets/{name}/versions/{v}/sample", RouteTable.PUBLIC,
        ctx -> Http.json(ctx, platform.sample().list(ctx.pathParam("name"), ctx.pathParam("v"))));
    t.get("/api/datasets/{name}/versions/{v}/sample/item", RouteTable.PUBLIC,
        ctx -> Http.json(ctx, platform.sample().item(ctx.pathParam("name"), ctx.pathParam("v"), ctx.queryParam("name"))));
    t.get("/api/datasets/{name}/versions/{v}/sample/media", RouteTable.PUBLIC, this::sampleMedia);
  }

  private void sampleMedia(Context ctx) throws java.io.IOException {
    int index = Http.intQuery(ctx, "index", 0, 0, 10_000);
    String item = ctx.queryParam("item");
    var f = platform.sample().media(ctx.pathParam("name"), ctx.pathParam("v"), item, index);
    RangeResponder.send(ctx, f.file(), f.size(), f.sha256(),
        MediaRoutes.contentType(org.trainset.core.model.MediaKind.OTHER, f.file().getFileName().toString()));
  }

  static Catalog.Query query(Context ctx) {
    return new Catalog.Query(ctx.queryParam("q"), ctx.queryParam("family"), ctx.queryParam("task"),
        ctx.queryParam("licence"), ctx.queryParam("access"));
  }

  private void search(Context ctx) {
    Http.json(ctx, platform.catalog().searchJson(query(ctx)));
  }

  private void report(Context ctx) {
    var p = Http.principal(ctx);
    JsonNode body = Http.objectBody(ctx);
    Integer shape = null;
    JsonNode s = body.get("shapeIndex");
    if (s != null && !s.isNull()) {
      if (!s.canConvertToInt()) throw ApiException.badRequest("shapeIndex: expected an integer");
      shape = s.asInt();
    }
    var r = platform.reports().file(p, ctx.pathParam("name"), Http.optionalText(body, "version"), Http.text(body, "item"),
        shape, Http.text(body, "text"));
    Http.json(ctx, 201, r.toJson());
  }
}
