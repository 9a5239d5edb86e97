package org.trainset.server.http;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * The web app's own files (built by trainset-web into the classpath folder {@code web/}): served
 * at {@code /} and {@code /assets/*}, with {@code index.html} for any other non-API path so the
 * app's own routes load. Only app code lives there, never data (data goes through API routes
 * that check rights). Absent when trainset-web is not on the classpath.
 */
public final class AppFiles {
  private static final String ROOT = "/web/";

  public void register(JavalinDefaultRoutingApi routes) {
    routes.get("/", ctx -> serve(ctx, "index.html"));
    routes.get("/assets/<file>", ctx -> serve(ctx, "assets/" + ctx.pathParam("file")));
  }

  /** For an unmatched non-API GET: the app's index page when the app is there. */
  public boolean fallback(Context ctx) {
    if (ctx.path().startsWith("/api/") || ctx.path().equals("/api") || !ctx.method().name().equals("GET")) return false;
    if (ctx.path().startsWith("/assets/")) return false; // a missing asset stays missing
    try {
      return serve(ctx, "index.html");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private boolean serve(Context ctx, String file) throws IOException {
    if (file.contains("..") || file.contains("\\") || file.contains("//")) {
      ctx.status(404);
      return false;
    }
    InputStream in = AppFiles.class.getResourceAsStream(ROOT + file);
    if (in == null) {
      ctx.status(404);
      return false;
    }
    try (in) {
      ctx.status(200).contentType(contentType(file)).result(in.readAllBytes());
    }
    if (file.startsWith("assets/")) ctx.header("Cache-Control", "public, max-age=31536000, immutable");
    return true;
  }

  private static String contentType(String file) {
    String f = file.toLowerCase(Locale.ROOT);
    if (f.endsWith(".html")) return "text/html; charset=utf-8";
    if (f.endsWith(".js") || f.endsWith(".mjs")) return "text/javascript; charset=utf-8";
    if (f.endsWith(".css")) return "text/css; charset=utf-8";
    if (f.endsWith(".svg")) return "image/svg+xml";
    if (f.endsWith(".png")) return "image/png";
    if (f.endsWith(".json")) return "application/json";
    if (f.endsWith(".woff2")) return "font/woff2";
    return "application/octet-stream";
  }
}
