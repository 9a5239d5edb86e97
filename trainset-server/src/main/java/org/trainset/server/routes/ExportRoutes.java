package org.trainset.server.routes;

import io.javalin.http.Context;
import java.util.EnumSet;
import org.trainset.server.Platform;
import org.trainset.server.auth.Principal;
import org.trainset.server.auth.Role;
import org.trainset.server.http.Http;
import org.trainset.server.http.RouteTable;
import org.trainset.server.project.Project;

/** Starting an export of a project to a writable format. */
public final class ExportRoutes {
  private final Platform platform;

  public ExportRoutes(Platform platform) {
    this.platform = platform;
  }

  public void register(RouteTable t) {
    t.post("/api/projects/{id}/exports", EnumSet.of(Role.ADMIN, Role.MANAGER, Role.DATAUSER), this::export);
  }

  private void export(Context ctx) {
    Principal p = Http.principal(ctx);
    Project project = platform.projects().require(p, ctx.pathParam("id"));
    String format = Http.text(Http.objectBody(ctx), "format");
    Http.json(ctx, 202, Http.object().put("operationId", platform.exports().start(p, project, format)));
  }
}
