package org.trainset.server.routes;

import org.trainset.server.http.UploadFiles;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.trainset.server.ApiException;
import org.trainset.server.Platform;
import org.trainset.server.auth.Principal;
import org.trainset.server.http.Http;
import org.trainset.server.http.RouteTable;
import org.trainset.server.ops.Uploads;
import org.trainset.server.project.Project;

/** Imports (archive, finished upload or server path) and resumable uploads. */
public final class ImportRoutes {
  private final Platform platform;

  public ImportRoutes(Platform platform) {
    this.platform = platform;
  }

  public void register(RouteTable t) {
    t.post("/api/projects/{id}/imports", RouteTable.OWNERS, this::startImport);
    t.post("/api/projects/{id}/uploads", RouteTable.OWNERS, this::newUpload);
    t.get("/api/uploads/{id}", RouteTable.OWNERS, this::getUpload);
    t.patch("/api/uploads/{id}", RouteTable.OWNERS, this::appendUpload);
  }

  private void startImport(Context ctx) throws IOException {
    Principal p = Http.principal(ctx);
    Project project = platform.projects().require(p, ctx.pathParam("id"));
    String opId;
    if (ctx.isMultipartFormData()) {
      long max = platform.limits().maxUploadBytes();
      if (ctx.contentLength() > max + 1024 * 1024) throw ApiException.tooLarge("file: larger than " + max + " bytes");
      UploadedFile file;
      try {
        file = ctx.uploadedFile("file");
      } catch (Exception e) { // Kotlin rethrows the servlet's checked exceptions unchecked
        // Jetty's multipart parser stops at the configured size and reports it as a failure
        if (ctx.contentLength() > max || String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("max")
            || String.valueOf(e.getMessage()).contains("bad multipart")) {
          throw ApiException.tooLarge("file: larger than " + max + " bytes");
        }
        throw ApiException.badRequest("file: unreadable multipart body (" + e.getMessage() + ")");
      }
      if (file == null) throw ApiException.badRequest("file: required (a zip or tar archive)");
      Path archive = UploadFiles.receive(platform.dataDir(), file.content(), max, "archive");
      try {
        opId = platform.imports().fromArchive(p, project, archive, file.filename(), Http.blankToNull(ctx.formParam("format")));
      } catch (RuntimeException e) { // not started (another import running, unknown format): keep nothing
        Files.deleteIfExists(archive);
        throw e;
      }
    } else {
      JsonNode body = Http.objectBody(ctx);
      String path = Http.optionalText(body, "path");
      String uploadId = Http.optionalText(body, "uploadId");
      String format = Http.optionalText(body, "format");
      if ((path == null) == (uploadId == null)) throw ApiException.badRequest("path, uploadId: give exactly one");
      if (path != null) {
        opId = platform.imports().fromPath(p, project, path, format);
      } else {
        String name = platform.uploads().fileName(p, uploadId);
        opId = platform.imports().fromArchive(p, project, platform.uploads().take(p, uploadId, project), name, format);
      }
    }
    Http.json(ctx, 202, Http.object().put("operationId", opId));
  }


  private void newUpload(Context ctx) throws IOException {
    Principal p = Http.principal(ctx);
    Project project = platform.projects().require(p, ctx.pathParam("id"));
    JsonNode body = Http.objectBody(ctx);
    JsonNode size = body.get("size");
    if (size == null || !size.canConvertToLong() || !size.isIntegralNumber()) throw ApiException.badRequest("size: required integer");
    Uploads.Upload u = platform.uploads().create(p, project, Http.text(body, "fileName"), size.asLong());
    Http.json(ctx, 201, u.toJson());
  }

  private void getUpload(Context ctx) {
    Http.json(ctx, platform.uploads().require(Http.principal(ctx), ctx.pathParam("id")).toJson());
  }

  private void appendUpload(Context ctx) throws IOException {
    String offset = ctx.header("Upload-Offset");
    long at;
    try {
      at = Long.parseLong(offset == null ? "" : offset.trim());
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("Upload-Offset: required integer header");
    }
    Uploads.Upload u = platform.uploads().append(Http.principal(ctx), ctx.pathParam("id"), at, ctx.bodyInputStream());
    Http.json(ctx, u.toJson());
  }
}
