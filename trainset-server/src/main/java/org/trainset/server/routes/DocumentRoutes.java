package org.trainset.server.routes;

import io.javalin.http.Context;
import java.io.IOException;
import org.trainset.server.Platform;
import org.trainset.server.http.Http;
import org.trainset.server.http.RangeResponder;
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
    if (!d.text()) ctx.header("Content-Disposition", Http.attachment(d.name()));
    // the shared responder: strong ETag (the content hash), ranges, nosniff
    RangeResponder.send(ctx, d.file(), d.size(), d.sha256(), d.text() ? "text/plain; charset=utf-8" : "application/octet-stream");
  }
}
