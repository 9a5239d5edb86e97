package org.trainset.server.routes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.javalin.http.Context;
import java.util.EnumSet;
import java.util.List;
import org.trainset.server.Platform;
import org.trainset.server.audit.AuditLog;
import org.trainset.server.auth.Role;
import org.trainset.server.http.Http;
import org.trainset.server.http.RouteTable;

/** The audit log for admins: pages of entries, oldest first, and the chain check. */
public final class AuditRoutes {
  private final Platform platform;

  public AuditRoutes(Platform platform) {
    this.platform = platform;
  }

  public void register(RouteTable t) {
    t.get("/api/audit", EnumSet.of(Role.ADMIN), this::page);
    t.get("/api/audit/verify", EnumSet.of(Role.ADMIN), this::verify);
  }

  private void page(Context ctx) {
    long after = Http.intQuery(ctx, "after", 0, 0, Integer.MAX_VALUE);
    int limit = Http.intQuery(ctx, "limit", 100, 1, 1000);
    List<AuditLog.Stored> entries = platform.audit().page(after, limit);
    var out = Http.object();
    ArrayNode arr = out.putArray("entries");
    entries.forEach(e -> arr.add(e.toJson()));
    if (entries.size() == limit) out.put("next", entries.get(entries.size() - 1).seq());
    else out.putNull("next");
    Http.json(ctx, out);
  }

  private void verify(Context ctx) {
    Http.json(ctx, platform.audit().verifyReport().toJson());
  }
}
