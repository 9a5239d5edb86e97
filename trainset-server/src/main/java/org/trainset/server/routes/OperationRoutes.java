package org.trainset.server.routes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.trainset.server.ApiException;
import org.trainset.server.Ids;
import org.trainset.server.Platform;
import org.trainset.server.auth.Principal;
import org.trainset.server.auth.Role;
import org.trainset.server.http.Http;
import org.trainset.server.http.RangeResponder;
import org.trainset.server.http.RouteTable;
import org.trainset.server.ops.Operations;

/** Operations: state, progress events (SSE), cancellation, and an export's archive. */
public final class OperationRoutes {
  private static final long EVENT_POLL_MILLIS = 200;
  private static final long EVENT_STREAM_MAX_MILLIS = 6 * 3600_000L;

  private final Platform platform;

  public OperationRoutes(Platform platform) {
    this.platform = platform;
  }

  public void register(RouteTable t) {
    t.get("/api/operations/{id}", RouteTable.SIGNED_IN, this::get);
    t.get("/api/operations/{id}/events", RouteTable.SIGNED_IN, this::events);
    t.post("/api/operations/{id}/cancel", RouteTable.OWNERS, this::cancel);
    t.get("/api/operations/{id}/download", java.util.EnumSet.of(Role.ADMIN, Role.MANAGER, Role.DATAUSER), this::download);
  }

  private void get(Context ctx) {
    Http.json(ctx, platform.operations().require(Http.principal(ctx), ctx.pathParam("id")));
  }

  /** Server-Sent Events: an {@code operation} event whenever state or progress changes, until it ends. */
  private void events(Context ctx) throws IOException, InterruptedException {
    Principal p = Http.principal(ctx);
    String id = ctx.pathParam("id");
    ObjectNode op = platform.operations().require(p, id);
    ctx.status(200).contentType("text/event-stream").header("Cache-Control", "no-cache").header("X-Accel-Buffering", "no");
    OutputStream out = ctx.res().getOutputStream();
    String last = null;
    long deadline = System.currentTimeMillis() + EVENT_STREAM_MAX_MILLIS;
    while (true) {
      String json = op.toString();
      if (!json.equals(last)) {
        out.write(("event: operation\ndata: " + json + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        last = json;
      }
      if (Operations.terminal(op.get("state").asText()) || System.currentTimeMillis() > deadline) break;
      Thread.sleep(EVENT_POLL_MILLIS);
      op = platform.operations().find(id);
    }
  }

  private void cancel(Context ctx) {
    Principal p = Http.principal(ctx);
    String id = ctx.pathParam("id");
    platform.operations().require(p, id);
    platform.operations().cancel(id);
    Http.json(ctx, 202, platform.operations().find(id));
  }

  private void download(Context ctx) throws IOException {
    Principal p = Http.principal(ctx);
    String id = ctx.pathParam("id");
    ObjectNode op = platform.operations().require(p, id);
    if (!op.path("kind").asText().equals("export")) throw ApiException.notFound("download of operation " + id);
    if (!op.path("state").asText().equals("done")) throw ApiException.conflict("operation " + id + " is " + op.path("state").asText());
    Path zip = platform.operations().dirOf(id).resolve("export.zip");
    if (!Files.isRegularFile(zip)) throw ApiException.notFound("download of operation " + id);
    String sha = op.path("result").path("sha256").asText(null);
    if (sha == null) sha = Ids.sha256Hex(Files.readAllBytes(zip));
    ctx.header("Content-Disposition", "attachment; filename=\"export-" + id + ".zip\"");
    RangeResponder.send(ctx, zip, Files.size(zip), sha, "application/zip");
  }
}
