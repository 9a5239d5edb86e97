package org.trainset.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.security.RouteRole;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trainset.server.http.AppFiles;
import org.trainset.server.http.AuthFilter;
import org.trainset.server.http.Http;
import org.trainset.server.http.Route;
import org.trainset.server.http.RouteTable;
import org.trainset.server.routes.AccessRoutes;
import org.trainset.server.routes.AnalysisRoutes;
import org.trainset.server.routes.AuditRoutes;
import org.trainset.server.routes.DownloadRoutes;
import org.trainset.server.routes.AuthRoutes;
import org.trainset.server.routes.ExportRoutes;
import org.trainset.server.routes.ImportRoutes;
import org.trainset.server.routes.ItemRoutes;
import org.trainset.server.routes.MediaRoutes;
import org.trainset.server.routes.OperationRoutes;
import org.trainset.server.routes.ProjectRoutes;
import org.trainset.server.routes.HealthRoutes;
import org.trainset.server.routes.CatalogPages;
import org.trainset.server.routes.CatalogRoutes;
import org.trainset.server.routes.ReleaseRoutes;
import org.trainset.server.routes.QualityRoutes;
import org.trainset.server.routes.ReviewRoutes;
import org.trainset.server.routes.SandboxRoutes;

/** The HTTP server: the route table wired into Javalin, one error format, the web app's files. */
public final class TrainsetServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TrainsetServer.class);
  /** Largest request body (uploaded archives and chunks included). */
  public static final long MAX_REQUEST_BYTES = 2L * 1024 * 1024 * 1024;

  private final Platform platform;
  private final RouteTable routes;
  private Javalin app;

  public TrainsetServer(Platform platform) {
    this.platform = platform;
    this.routes = routeTable(platform);
  }

  /** Every API route of the server, with its roles. */
  public static RouteTable routeTable(Platform platform) {
    RouteTable t = new RouteTable();
    new HealthRoutes(platform).register(t);
    new AuthRoutes(platform).register(t);
    new ProjectRoutes(platform).register(t);
    new ImportRoutes(platform).register(t);
    new OperationRoutes(platform).register(t);
    new ItemRoutes(platform).register(t);
    new MediaRoutes(platform).register(t);
    new ExportRoutes(platform).register(t);
    new AnalysisRoutes(platform).register(t);
    new org.trainset.server.routes.JobRoutes(platform).register(t);
    new org.trainset.server.routes.CheckRoutes(platform).register(t);
    new org.trainset.server.routes.PredictionRoutes(platform).register(t);
    new ReleaseRoutes(platform).register(t);
    new CatalogRoutes(platform).register(t);
    new CatalogPages(platform).register(t);
    new AccessRoutes(platform).register(t);
    new DownloadRoutes(platform).register(t);
    new AuditRoutes(platform).register(t);
    new ReviewRoutes(platform).register(t);
    new QualityRoutes(platform).register(t);
    new SandboxRoutes(platform).register(t);
    return t;
  }

  public RouteTable routes() {
    return routes;
  }

  /** Starts on {@code host:port} (port 0 = a free port) and returns the port. */
  public int start(String host, int port) {
    AuthFilter auth = new AuthFilter(platform.sessions());
    AppFiles appFiles = new AppFiles();
    app = Javalin.create(cfg -> {
      cfg.startup.showJavalinBanner = false;
      cfg.http.maxRequestSize = MAX_REQUEST_BYTES;
      cfg.jetty.host = host;
      cfg.jetty.port = port;
      cfg.jetty.multipartConfig.cacheDirectory(platform.dataDir().resolve("uploads").toString());
      cfg.jetty.multipartConfig.maxFileSize(platform.limits().maxUploadBytes(), io.javalin.config.SizeUnit.BYTES);
      cfg.jetty.multipartConfig.maxTotalRequestSize(platform.limits().maxUploadBytes() + 1024 * 1024, io.javalin.config.SizeUnit.BYTES);
      cfg.routes.beforeMatched(auth);
      for (Route r : routes.routes()) {
        cfg.routes.addHttpHandler(r.method(), r.path(), r.handler(), r.roles().toArray(RouteRole[]::new));
        // Every GET answers HEAD through the same check (Javalin's implicit HEAD skips beforeMatched).
        if (r.method() == HandlerType.GET) {
          cfg.routes.addHttpHandler(HandlerType.HEAD, r.path(), r.handler(), r.roles().toArray(RouteRole[]::new));
        }
      }
      appFiles.register(cfg.routes);
      cfg.routes.exception(ApiException.class, (e, ctx) -> error(ctx, e.status(), e.error(), e.getMessage()));
      cfg.routes.exception(IllegalArgumentException.class, (e, ctx) -> error(ctx, 400, "bad_request", e.getMessage()));
      cfg.routes.exception(HttpResponseException.class, (e, ctx) -> {
        // an unmatched path: the web app's index for its own routes, JSON for everything else
        if (e.getStatus() == 404 && appFiles.fallback(ctx)) return;
        error(ctx, e.getStatus(), e.getStatus() == 404 ? "not_found" : "http_" + e.getStatus(),
            e.getStatus() == 404 ? "no route " + ctx.method() + " " + ctx.path() : e.getMessage());
      });
      cfg.routes.exception(Exception.class, (e, ctx) -> {
        LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
        error(ctx, 500, "internal", "internal error: " + e.getClass().getSimpleName());
      });
      cfg.routes.error(404, ctx -> {
        if (ctx.result() == null || ctx.result().isEmpty()) {
          if (!appFiles.fallback(ctx)) error(ctx, 404, "not_found", "no route " + ctx.method() + " " + ctx.path());
        }
      });
      cfg.routes.error(405, ctx -> error(ctx, 405, "method_not_allowed", ctx.method() + " not allowed on " + ctx.path()));
    });
    app.start();
    platform.reminderTimer().start();
    LOG.info("trainset server on http://{}:{} ({} database, data in {})", host, app.port(), platform.db().kind(), platform.dataDir());
    return app.port();
  }

  public int port() {
    return app.port();
  }

  static void error(Context ctx, int status, String error, String detail) {
    // the body of a refused upload may still be on its way: do not reuse this connection
    if (status == 413) ctx.header("Connection", "close");
    ObjectNode body = Http.object().put("error", error).put("detail", detail == null ? error : detail);
    Http.json(ctx, status, body);
  }

  @Override public void close() {
    if (app != null) app.stop();
  }

  public static List<Route> apiRoutes(Platform platform) {
    return routeTable(platform).routes();
  }
}
