package org.trainset.server.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.util.EnumSet;
import java.util.List;
import org.trainset.server.ApiException;
import org.trainset.server.Platform;
import org.trainset.server.access.Access;
import org.trainset.server.access.AccessMode;
import org.trainset.server.access.AccessRequests;
import org.trainset.server.access.Documents;
import org.trainset.server.access.RequestForm;
import org.trainset.server.auth.Principal;
import org.trainset.server.auth.Role;
import org.trainset.server.http.AuthFilter;
import org.trainset.server.http.Http;
import org.trainset.server.http.RangeResponder;
import org.trainset.server.http.RouteTable;

/** Access modes of datasets, access requests (with their documents and decisions) and grants. */
public final class AccessRoutes {
  /** Who decides requests: admins, and the managers and reviewers of the dataset's organisation. */
  public static final EnumSet<Role> DECIDERS = EnumSet.of(Role.ADMIN, Role.MANAGER, Role.REVIEWER);

  private final Platform platform;

  public AccessRoutes(Platform platform) {
    this.platform = platform;
  }

  public void register(RouteTable t) {
    t.get("/api/datasets/{name}/access", RouteTable.PUBLIC, this::rules);
    t.put("/api/datasets/{name}/access", RouteTable.OWNERS, this::setMode);
    t.get("/api/datasets/{name}/access-requests", RouteTable.SIGNED_IN, this::datasetRequests);
    t.post("/api/datasets/{name}/access-requests", RouteTable.SIGNED_IN, this::submit);
    t.get("/api/access-requests", RouteTable.SIGNED_IN, this::queue);
    t.get("/api/access-requests/{id}", RouteTable.SIGNED_IN, this::request);
    t.post("/api/access-requests/{id}/documents", RouteTable.SIGNED_IN, this::upload);
    t.get("/api/access-requests/{id}/documents/{documentId}", DECIDERS, this::document);
    t.post("/api/access-requests/{id}/reply", RouteTable.SIGNED_IN, this::reply);
    t.post("/api/access-requests/{id}/decision", DECIDERS, this::decide);
    t.delete("/api/grants/{id}", RouteTable.OWNERS, this::revoke);
    t.get("/api/me/grants", RouteTable.SIGNED_IN, this::myGrants);
  }

  /** The dataset's rules and the mode and request form that apply to the whole dataset (or ?version=&subset=). */
  private void rules(Context ctx) {
    String name = ctx.pathParam("name");
    Access access = platform.access();
    access.directory().orgId(name).orElseThrow(() -> ApiException.notFound("dataset '" + name + "'"));
    String version = ctx.queryParam("version"), subset = ctx.queryParam("subset");
    var out = Http.object().put("dataset", name).put("mode", access.mode(name, version, subset).key());
    out.set("form", access.ruleFor(name, version, subset).form().toJson());
    ArrayNode rules = out.putArray("rules");
    access.rules(name).forEach(r -> rules.add(r.toJson()));
    Http.json(ctx, out);
  }

  private void setMode(Context ctx) {
    JsonNode b = Http.objectBody(ctx);
    AccessMode mode = AccessMode.fromKey(Http.text(b, "mode"));
    RequestForm form = RequestForm.parse(b.get("form"));
    int days = b.path("reminderDays").asInt(Access.DEFAULT_REMINDER_DAYS);
    Access.Rule r = platform.access().setMode(Http.principal(ctx), ctx.pathParam("name"), Http.optionalText(b, "version"),
        Http.optionalText(b, "subset"), mode, form, days);
    Http.json(ctx, r.toJson());
  }

  private void datasetRequests(Context ctx) {
    Principal p = Http.principal(ctx);
    list(ctx, platform.accessRequests().forDataset(p, ctx.pathParam("name"), ctx.queryParam("state")), p);
  }

  private void queue(Context ctx) {
    Principal p = Http.principal(ctx);
    String as = ctx.queryParam("as");
    if (as != null && !as.equals("reviewer") && !as.equals("applicant")) throw ApiException.badRequest("as: expected reviewer or applicant");
    list(ctx, platform.accessRequests().queue(p, "reviewer".equals(as)), p);
  }

  private void list(Context ctx, List<AccessRequests.Request> requests, Principal p) {
    var out = Http.object();
    ArrayNode arr = out.putArray("requests");
    for (AccessRequests.Request r : requests) arr.add(platform.accessRequests().toJson(r, !p.userId().equals(r.userId())));
    Http.json(ctx, out);
  }

  private void submit(Context ctx) {
    JsonNode b = Http.objectBody(ctx);
    Principal p = Http.principal(ctx);
    AccessRequests.Request r = platform.accessRequests().submit(p, ctx.pathParam("name"), Http.optionalText(b, "version"),
        Http.optionalText(b, "subset"), Http.text(b, "purpose"), Http.optionalText(b, "organisation"), b.get("answers"));
    Http.json(ctx, 201, platform.accessRequests().toJson(r, false));
  }

  private void request(Context ctx) {
    Principal p = Http.principal(ctx);
    AccessRequests.Request r = platform.accessRequests().require(p, ctx.pathParam("id"));
    Http.json(ctx, platform.accessRequests().toJson(r, !p.userId().equals(r.userId())));
  }

  private void upload(Context ctx) throws IOException {
    Documents.Document d = platform.accessRequests().addDocument(Http.principal(ctx), ctx.pathParam("id"),
        ctx.queryParam("fileName"), ctx.bodyInputStream());
    Http.json(ctx, 201, d.toJson());
  }

  /** A request's document for its reviewers: always an attachment, never sniffed or shown inline. */
  private void document(Context ctx) throws IOException {
    Documents.Document d = platform.accessRequests().document(Http.principal(ctx), ctx.pathParam("id"), ctx.pathParam("documentId"));
    var file = platform.accessRequests().documents().pathOf(d.sha256());
    if (!Files.isRegularFile(file)) throw ApiException.notFound("document '" + d.id() + "'");
    ctx.header("Content-Disposition", Http.attachment(d.fileName()))
        .header("Content-Security-Policy", "default-src 'none'; sandbox");
    RangeResponder.send(ctx, file, d.size(), d.sha256(), d.contentType());
  }

  private void reply(Context ctx) {
    Principal p = Http.principal(ctx);
    AccessRequests.Request r = platform.accessRequests().reply(p, ctx.pathParam("id"), Http.text(Http.objectBody(ctx), "message"));
    Http.json(ctx, platform.accessRequests().toJson(r, false));
  }

  private void decide(Context ctx) {
    JsonNode b = Http.objectBody(ctx);
    String message = Http.optionalText(b, "message");
    if (message == null) message = Http.optionalText(b, "reason");
    AccessRequests.Request r = platform.accessRequests().decide(Http.principal(ctx), ctx.pathParam("id"), Http.text(b, "decision"),
        message, Http.optionalText(b, "expiresAt"), Http.optionalText(b, "to"));
    Http.json(ctx, platform.accessRequests().toJson(r, true));
  }

  private void revoke(Context ctx) {
    Access.Grant g = platform.access().revoke(Http.principal(ctx), ctx.pathParam("id"), ctx.queryParam("reason"));
    Http.json(ctx, g.toJson(platform.clock().millis()));
  }

  private void myGrants(Context ctx) {
    var out = Http.object();
    ArrayNode arr = out.putArray("grants");
    long now = platform.clock().millis();
    platform.access().grantsOf(Http.principal(ctx)).forEach(g -> arr.add(g.toJson(now)));
    Http.json(ctx, out);
  }
}
