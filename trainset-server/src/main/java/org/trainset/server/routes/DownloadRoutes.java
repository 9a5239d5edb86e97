package org.trainset.server.routes;

import io.javalin.http.Context;
import java.io.IOException;
import org.trainset.server.ApiException;
import org.trainset.server.Platform;
import org.trainset.server.access.Downloads;
import org.trainset.server.auth.Principal;
import org.trainset.server.http.AuthFilter;
import org.trainset.server.http.Http;
import org.trainset.server.http.RangeResponder;
import org.trainset.server.http.RouteTable;

/**
 * Release files: one file or the whole version as one zip, both through {@link RangeResponder}
 * (Range, strong ETag, If-Range, If-None-Match, 416, HEAD). Open to anyone at the route; {@code Access.require} decides per
 * dataset, and the grant is checked again between chunks so a revocation stops a running download.
 */
public final class DownloadRoutes {
  private final Platform platform;

  public DownloadRoutes(Platform platform) {
    this.platform = platform;
  }

  public void register(RouteTable t) {
    t.get("/api/datasets/{name}/versions/{v}/files/<path>", RouteTable.PUBLIC, this::file);
    t.get("/api/datasets/{name}/versions/{v}/archive", RouteTable.PUBLIC, this::archive);
  }

  private void file(Context ctx) throws IOException {
    Principal p = ctx.attribute(AuthFilter.PRINCIPAL);
    Downloads.Prepared f = platform.downloads().prepare(p, ctx.pathParam("name"), ctx.pathParam("v"), ctx.pathParam("path"));
    ctx.header("Content-Disposition", Http.attachment(f.file().getFileName().toString()));
    RangeResponder.send(ctx, f.file(), f.length(), f.sha256(), "application/octet-stream", watcher(p, f));
  }

  private void archive(Context ctx) throws IOException {
    Principal p = ctx.attribute(AuthFilter.PRINCIPAL);
    String name = ctx.pathParam("name"), version = ctx.pathParam("v");
    Downloads.Prepared a = platform.downloads().prepareArchive(p, name, version);
    ctx.header("Content-Disposition", Http.attachment(name + "-" + version + ".zip"));
    RangeResponder.send(ctx, a.file(), a.length(), a.sha256(), "application/zip", watcher(p, a));
  }

  /** The grant checked again between chunks, and the transfer recorded from its first byte to how it ended. */
  private RangeResponder.Watcher watcher(Principal p, Downloads.Prepared prepared) {
    return new RangeResponder.Watcher() {
      private Downloads.Transfer transfer;

      @Override public void beforeChunk() throws IOException {
        try {
          prepared.guard().run();
        } catch (ApiException e) {
          throw new IOException("transfer stopped: " + e.getMessage());
        }
      }

      @Override public void started(long rangeStart) {
        transfer = platform.downloads().start(p, prepared, rangeStart);
      }

      @Override public void finished(long bytes, boolean complete) {
        transfer.finish(bytes, complete);
      }
    };
  }

}
