package org.trainset.server.routes;

import org.trainset.server.http.UploadFiles;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.trainset.server.ApiException;
import org.trainset.server.Platform;
import org.trainset.server.auth.Principal;
import org.trainset.server.http.Http;
import org.trainset.server.http.RouteTable;
import org.trainset.server.project.Project;

/** Pre-annotation: predictions files → drafts, decisions on drafts, the model hook. */
public final class PredictionRoutes {
  private final Platform platform;

  public PredictionRoutes(Platform platform) {
    this.platform = platform;
  }

  public void register(RouteTable t) {
    t.post("/api/projects/{id}/predictions", RouteTable.OWNERS, this::predictions);
    t.get("/api/items/{id}/drafts", RouteTable.WORKERS, this::drafts);
    t.post("/api/drafts/{id}/decision", RouteTable.WORKERS, this::decision);
    t.get("/api/projects/{id}/model-hook", RouteTable.OWNERS, this::getHook);
    t.put("/api/projects/{id}/model-hook", RouteTable.OWNERS, this::setHook);
    t.post("/api/jobs/{id}/pre-annotate", RouteTable.OWNERS, this::preAnnotate);
  }

  private void predictions(Context ctx) throws IOException {
    Principal p = Http.principal(ctx);
    Project project = platform.projects().require(p, ctx.pathParam("id"));
    String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(java.util.Locale.ROOT);
    InputStream in;
    String name;
    if (type.startsWith("multipart/form-data")) {
      UploadedFile f = ctx.uploadedFile("file");
      if (f == null) throw ApiException.badRequest("file: required multipart field");
      in = f.content();
      name = f.filename();
    } else if (type.startsWith("application/json") || type.startsWith("application/zip")
        || type.startsWith("application/octet-stream") || type.startsWith("application/gzip") || type.startsWith("application/x-tar")) {
      in = ctx.bodyInputStream();
      name = type.startsWith("application/json") ? "predictions.json" : "predictions.zip";
    } else {
      throw new ApiException(415, "unsupported_media_type", "body: a COCO results file (application/json), an archive or multipart field 'file'");
    }
    Path file = UploadFiles.receive(platform.dataDir(), in, platform.limits().maxUploadBytes(), "predictions");
    String format = Http.blankToNull(ctx.queryParam("format"));
    if (Http.prefersAsync(ctx)) {
      Http.startedAsync(ctx, platform.predictions().start(platform.operations(), p, project, file, name, format));
      return;
    }
    try {
      Http.json(ctx, platform.predictions().importFile(p, project, file, name, format).toJson());
    } finally {
      Files.deleteIfExists(file);
    }
  }


  private void drafts(Context ctx) {
    var out = Http.object();
    out.set("drafts", platform.drafts().list(Http.principal(ctx), ctx.pathParam("id")));
    Http.json(ctx, out);
  }

  private void decision(Context ctx) {
    Principal p = Http.principal(ctx);
    String id = ctx.pathParam("id");
    JsonNode body = Http.objectBody(ctx);
    JsonNode v = body.get("version");
    if (v != null && !v.isNull() && !v.isIntegralNumber()) throw ApiException.badRequest("version: expected an integer");
    String decision = Http.text(body, "decision");
    int version = platform.drafts().decide(p, id, decision, v == null || v.isNull() ? null : v.asInt());
    Http.json(ctx, Http.object().put("version", version));
  }

  private void getHook(Context ctx) {
    Project project = platform.projects().require(Http.principal(ctx), ctx.pathParam("id"));
    Http.json(ctx, Http.object().put("url", platform.modelHooks().get(project)));
  }

  private void setHook(Context ctx) {
    Principal p = Http.principal(ctx);
    Project project = platform.projects().require(p, ctx.pathParam("id"));
    JsonNode body = Http.objectBody(ctx);
    if (!body.has("url")) throw ApiException.badRequest("url: required (null removes the hook)");
    String url = body.get("url").isNull() ? null : Http.text(body, "url");
    Http.json(ctx, Http.object().put("url", platform.modelHooks().set(p, project, url)));
  }

  private void preAnnotate(Context ctx) {
    if (Http.prefersAsync(ctx)) {
      Http.startedAsync(ctx, platform.modelHooks().start(platform.operations(), Http.principal(ctx), ctx.pathParam("id")));
    } else {
      Http.json(ctx, platform.modelHooks().preAnnotate(Http.principal(ctx), ctx.pathParam("id")));
    }
  }
}
