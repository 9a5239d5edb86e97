package org.trainset.server.routes;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import org.trainset.core.spi.Format;
import org.trainset.server.Platform;
import org.trainset.server.auth.Principal;
import org.trainset.server.http.Http;
import org.trainset.server.http.RouteTable;
import org.trainset.server.project.Project;

/** Projects: list, create, one project; and the formats the server reads and writes. */
public final class ProjectRoutes {
  private final Platform platform;

  public ProjectRoutes(Platform platform) {
    this.platform = platform;
  }

  public void register(RouteTable t) {
    t.get("/api/projects", RouteTable.SIGNED_IN, this::list);
    t.post("/api/projects", RouteTable.OWNERS, this::create);
    t.get("/api/projects/{id}", RouteTable.SIGNED_IN, this::get);
    t.get("/api/formats", RouteTable.SIGNED_IN, this::formats);
  }

  private void list(Context ctx) {
    var out = Http.object();
    var arr = out.putArray("projects");
    for (Project p : platform.projects().list(Http.principal(ctx))) arr.add(p.toJson());
    Http.json(ctx, out);
  }

  private void create(Context ctx) {
    JsonNode body = Http.objectBody(ctx);
    Principal p = Http.principal(ctx);
    Project created = platform.projects().create(p, Http.text(body, "name"), Http.optionalText(body, "family"),
        Http.optionalText(body, "rulePack"), Http.optionalText(body, "org"));
    Http.json(ctx, 201, created.toJson());
  }

  private void get(Context ctx) {
    Http.json(ctx, platform.projects().require(Http.principal(ctx), ctx.pathParam("id")).toJson());
  }

  private void formats(Context ctx) {
    var out = Http.object();
    var arr = out.putArray("formats");
    for (Format f : platform.formats().formats()) {
      arr.addObject().put("id", f.id()).put("description", f.description())
          .put("readable", f.reader().isPresent()).put("writable", f.writer().isPresent());
    }
    Http.json(ctx, out);
  }
}
