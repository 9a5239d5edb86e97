package org.trainset.server.routes;

import org.trainset.server.http.UploadFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import org.trainset.server.ApiException;
import org.trainset.server.Platform;
import org.trainset.server.auth.Principal;
import org.trainset.server.auth.Role;
import org.trainset.server.http.Http;
import org.trainset.server.http.RangeResponder;
import org.trainset.server.http.RouteTable;
import org.trainset.server.sandbox.Recipes;
import org.trainset.server.sandbox.SandboxJobs;
import org.trainset.server.sandbox.SandboxOutputs;

/** Sandbox jobs, their live log (SSE), outputs, the checkers' queue and decisions, approved downloads. */
public final class SandboxRoutes {
  /** Admins, and managers and reviewers (of the dataset's organisation, checked by the service). */
  public static final EnumSet<Role> CHECKERS = EnumSet.of(Role.ADMIN, Role.MANAGER, Role.REVIEWER);
  private static final long LOG_POLL_MILLIS = 150;

  private final Platform platform;

  public SandboxRoutes(Platform platform) {
    this.platform = platform;
  }

  public void register(RouteTable t) {
    t.get("/api/sandbox", RouteTable.SIGNED_IN, this::status);
    t.post("/api/datasets/{name}/sandbox-jobs", RouteTable.SIGNED_IN, this::submit);
    t.get("/api/sandbox-jobs", RouteTable.SIGNED_IN, ctx -> Http.json(ctx, platform.sandbox().mine(Http.principal(ctx))));
    t.get("/api/sandbox-jobs/{id}", RouteTable.SIGNED_IN,
        ctx -> Http.json(ctx, platform.sandbox().require(Http.principal(ctx), ctx.pathParam("id"))));
    t.get("/api/sandbox-jobs/{id}/log", RouteTable.SIGNED_IN, this::log);
    t.get("/api/sandbox-jobs/{id}/outputs", RouteTable.SIGNED_IN,
        ctx -> Http.json(ctx, platform.sandboxOutputs().ofJob(Http.principal(ctx), ctx.pathParam("id"))));
    t.get("/api/sandbox-queue", CHECKERS, ctx -> Http.json(ctx, platform.sandboxOutputs().queue(Http.principal(ctx))));
    t.post("/api/sandbox-outputs/{id}/decision", CHECKERS,
        ctx -> Http.json(ctx, platform.sandboxOutputs().decide(Http.principal(ctx), ctx.pathParam("id"), Http.objectBody(ctx))));
    t.get("/api/sandbox-outputs/{id}/download", RouteTable.SIGNED_IN, this::download);
  }

  private void status(Context ctx) {
    SandboxJobs s = platform.sandbox();
    ObjectNode o = Http.object();
    o.put("scripts", s.isolation().available()).put("reason", s.isolation().reason());
    var recipes = o.putArray("recipes");
    new java.util.TreeSet<>(Recipes.NAMES).forEach(recipes::add);
    var runtimes = o.putArray("runtimes");
    SandboxJobs.RUNTIMES.forEach(runtimes::add);
    ObjectNode l = o.putObject("limits");
    l.put("cpuSeconds", s.limits().cpuSeconds()).put("memoryBytes", s.limits().memoryBytes())
        .put("processes", s.limits().processes()).put("wallSeconds", s.limits().wallSeconds())
        .put("outputBytes", s.limits().outputBytes()).put("smallCount", s.limits().smallCount());
    Http.json(ctx, o);
  }

  /** JSON {@code {"version","recipe",…}} or multipart: {@code spec} (that JSON, or a script's), {@code file} or {@code predictions}. */
  private void submit(Context ctx) throws IOException {
    Principal p = Http.principal(ctx);
    String dataset = ctx.pathParam("name");
    JsonNode spec;
    Path file = null;
    String fileName = null;
    if (ctx.isMultipartFormData()) {
      String text = ctx.formParam("spec");
      if (text == null) throw ApiException.badRequest("spec: required form field (JSON)");
      try {
        spec = Http.MAPPER.readTree(text);
      } catch (IOException e) {
        throw ApiException.badRequest("spec: malformed JSON: " + e.getMessage());
      }
      if (spec == null || !spec.isObject()) throw ApiException.badRequest("spec: expected a JSON object");
      UploadedFile f = upload(ctx, "file");
      if (f == null) f = upload(ctx, "predictions");
      if (f != null) {
        file = UploadFiles.receive(platform.dataDir(), f.content(), platform.limits().maxUploadBytes(), "sandbox");
        fileName = f.filename();
      }
    } else {
      spec = Http.objectBody(ctx);
    }
    String version = Http.text(spec, "version");
    try {
      ObjectNode job = spec.has("recipe")
          ? platform.sandbox().submitRecipe(p, dataset, version, spec, file)
          : platform.sandbox().submitScript(p, dataset, version, spec, requireFile(file), fileName);
      Http.json(ctx, 202, job);
    } finally {
      if (file != null) Files.deleteIfExists(file);
    }
  }

  private static Path requireFile(Path f) {
    if (f == null) throw ApiException.badRequest("file: required for a script job (a .py file, a zip, or a jar)");
    return f;
  }

  private UploadedFile upload(Context ctx, String field) {
    try {
      return ctx.uploadedFile(field);
    } catch (Exception e) {
      throw ApiException.badRequest(field + ": unreadable multipart body (" + e.getMessage() + ")");
    }
  }


  /** Server-Sent Events: {@code log} per line as the job writes it, then {@code state} with the job when it ends. */
  private void log(Context ctx) throws IOException, InterruptedException {
    Principal p = Http.principal(ctx);
    String id = ctx.pathParam("id");
    platform.sandbox().require(p, id);
    Path file = platform.sandbox().dirOf(id).resolve("log.txt");
    ctx.status(200).contentType("text/event-stream").header("Cache-Control", "no-cache").header("X-Accel-Buffering", "no");
    OutputStream out = ctx.res().getOutputStream();
    long offset = 0;
    StringBuilder partial = new StringBuilder();
    long deadline = System.currentTimeMillis() + 6 * 3600_000L;
    while (true) {
      boolean ended = SandboxJobs.terminal(platform.sandbox().state(id));
      if (Files.exists(file)) {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
          if (raf.length() > offset) {
            raf.seek(offset);
            byte[] b = new byte[(int) Math.min(raf.length() - offset, 1 << 20)];
            raf.readFully(b);
            offset += b.length;
            partial.append(new String(b, StandardCharsets.UTF_8));
          }
        }
        int nl;
        StringBuilder events = new StringBuilder();
        while ((nl = partial.indexOf("\n")) >= 0) {
          events.append("event: log\ndata: ").append(partial, 0, nl).append("\n\n");
          partial.delete(0, nl + 1);
        }
        if (events.length() > 0) {
          out.write(events.toString().getBytes(StandardCharsets.UTF_8));
          out.flush();
        }
      }
      if (ended || System.currentTimeMillis() > deadline) break;
      Thread.sleep(LOG_POLL_MILLIS);
    }
    out.write(("event: state\ndata: " + platform.sandbox().require(p, id) + "\n\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private void download(Context ctx) throws IOException {
    SandboxOutputs.Download d = platform.sandboxOutputs().download(Http.principal(ctx), ctx.pathParam("id"));
    ctx.header("Content-Disposition", Http.attachment(d.name()));
    RangeResponder.send(ctx, d.file(), Files.size(d.file()), d.sha256(), "application/octet-stream");
  }
}
