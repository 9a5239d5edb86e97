package org.trainset.server.routes;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.trainset.server.Platform;
import org.trainset.server.http.Http;
import org.trainset.server.http.RouteTable;
import org.trainset.server.item.ItemDocuments;

/**
 * A document attached to an item (a report), by item id and document index, with the item's
 * rights. Text is sent as UTF-8 plain text for the editor's panel (never as HTML, whatever its
 * declared type); everything else (PDF, office files) only as a download, so a browser never
 * renders it in the app's origin.
 */
public final class DocumentRoutes {
  private final Platform platform;

  public DocumentRoutes(Platform platform) {
    this.platform = platform;
  }

  public void register(RouteTable t) {
    t.get("/api/items/{id}/documents/{docId}", RouteTable.WORKERS, this::document);
  }

  private void document(Context ctx) throws IOException {
    ItemDocuments.Opened d = platform.itemDocuments().open(Http.principal(ctx), ctx.pathParam("id"), ctx.pathParam("docId"));
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("ETag", "\"" + d.sha256() + "\"");
    ctx.header("Cache-Control", "private, no-cache");
    if (d.text()) {
      ctx.contentType("text/plain; charset=utf-8");
    } else {
      ctx.contentType("application/octet-stream");
      ctx.header("Content-Disposition", "attachment; filename=\"" + asciiName(d.name()) + "\"; filename*=UTF-8''"
          + java.net.URLEncoder.encode(d.name(), StandardCharsets.UTF_8).replace("+", "%20"));
    }
    ctx.header("Content-Length", String.valueOf(d.size()));
    try (InputStream in = Files.newInputStream(d.file())) {
      in.transferTo(ctx.res().getOutputStream());
    }
  }

  /** The name for the plain {@code filename} parameter: ASCII without quotes or separators. */
  static String asciiName(String name) {
    String s = name.replaceAll("[^A-Za-z0-9._-]", "_");
    return s.isEmpty() ? "document" : s;
  }
}
