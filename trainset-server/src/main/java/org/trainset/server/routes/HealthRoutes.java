package org.trainset.server.routes;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import org.trainset.server.Platform;
import org.trainset.server.http.Http;
import org.trainset.server.http.RouteTable;

/** Liveness (with the database kind and version) and the API description. */
public final class HealthRoutes {
  private final Platform platform;

  public HealthRoutes(Platform platform) {
    this.platform = platform;
  }

  public void register(RouteTable t) {
    t.get("/api/health", RouteTable.PUBLIC, this::health);
    t.get("/api/openapi.yaml", RouteTable.PUBLIC, HealthRoutes::openApi);
  }

  private void health(Context ctx) {
    platform.db().read(c -> c.isValid(2));
    Http.json(ctx, Http.object().put("status", "ok").put("db", platform.db().kind()).put("version", Platform.version()));
  }

  private static void openApi(Context ctx) throws IOException {
    try (InputStream in = HealthRoutes.class.getResourceAsStream("/openapi.yaml")) {
      ctx.contentType("application/yaml").result(in.readAllBytes());
    }
  }
}
