package org.trainset.server.routes;

import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.trainset.core.model.MediaKind;
import org.trainset.server.ApiException;
import org.trainset.server.Platform;
import org.trainset.server.http.Http;
import org.trainset.server.http.RangeResponder;
import org.trainset.server.http.RouteTable;
import org.trainset.server.item.ItemCodec;
import org.trainset.server.item.StoredItem;

/**
 * An item's media file, by item id and index only: the item's project must be visible to the
 * caller, and the file is found by its content hash, never by a path from the request.
 */
public final class MediaRoutes {
  private final Platform platform;

  public MediaRoutes(Platform platform) {
    this.platform = platform;
  }

  public void register(RouteTable t) {
    t.get("/api/items/{id}/media", RouteTable.WORKERS, this::media);
  }

  private void media(Context ctx) throws IOException {
    StoredItem s = platform.items().require(Http.principal(ctx), ctx.pathParam("id"));
    int index = Http.intQuery(ctx, "index", 0, 0, 10_000);
    StoredItem.MediaFile f = s.media().stream().filter(m -> m.index() == index).findFirst()
        .orElseThrow(() -> ApiException.notFound("media " + index + " of item " + s.id()));
    if (f.sha256() == null) throw ApiException.notFound("media " + index + " of item " + s.id() + " (not imported)");
    Path file = platform.media().pathOf(f.sha256());
    if (!Files.isRegularFile(file)) throw ApiException.notFound("media " + index + " of item " + s.id());
    var ref = ItemCodec.item(s.body(), "[]").media().get(index);
    RangeResponder.send(ctx, file, Files.size(file), f.sha256(), contentType(ref.kind(), ref.path()));
  }

  static String contentType(MediaKind kind, String path) {
    String p = path.toLowerCase(java.util.Locale.ROOT);
    if (p.endsWith(".jpg") || p.endsWith(".jpeg")) return "image/jpeg";
    if (p.endsWith(".png")) return "image/png";
    if (p.endsWith(".gif")) return "image/gif";
    if (p.endsWith(".bmp")) return "image/bmp";
    if (p.endsWith(".webp")) return "image/webp";
    if (p.endsWith(".tif") || p.endsWith(".tiff")) return "image/tiff";
    if (p.endsWith(".mp4")) return "video/mp4";
    if (p.endsWith(".webm")) return "video/webm";
    if (p.endsWith(".wav")) return "audio/wav";
    if (p.endsWith(".dcm")) return "application/dicom";
    if (p.endsWith(".txt")) return "text/plain; charset=utf-8";
    return "application/octet-stream";
  }
}
