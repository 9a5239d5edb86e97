package org.trainset.server.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.security.RouteRole;
import java.net.URI;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.trainset.server.ApiException;
import org.trainset.server.auth.Principal;
import org.trainset.server.auth.Role;
import org.trainset.server.auth.Sessions;

/**
 * Runs before every matched route: finds the caller (bearer token or session cookie), refuses
 * anonymous callers (401) and callers whose role the route does not list (403), and on writes
 * made with a cookie checks the Origin header and the session's CSRF token (403).
 */
public final class AuthFilter implements Handler {
  public static final String PRINCIPAL = "trainset.principal";
  public static final String SESSION_COOKIE = "trainset_session";
  public static final String CSRF_HEADER = "X-CSRF-Token";

  private final Sessions sessions;

  public AuthFilter(Sessions sessions) {
    this.sessions = sessions;
  }

  @Override public void handle(Context ctx) {
    Set<RouteRole> roles = ctx.routeRoles();
    if (roles.isEmpty()) return; // not an API route (app files): nothing to protect
    Optional<Principal> who = identify(ctx);
    who.ifPresent(p -> ctx.attribute(PRINCIPAL, p));
    boolean write = !(ctx.method().name().equals("GET") || ctx.method().name().equals("HEAD")
        || ctx.method().name().equals("OPTIONS"));
    if (write) checkOrigin(ctx);
    if (roles.contains(Role.ANYONE)) return;
    Principal p = who.orElseThrow(() -> ApiException.unauthorized("sign in or send 'Authorization: Bearer <token>'"));
    if (!roles.contains(p.role())) {
      throw ApiException.forbidden("role '" + p.role().key() + "' may not " + ctx.method() + " " + ctx.path());
    }
    if (write && p.byCookie()) {
      String sent = ctx.header(CSRF_HEADER);
      if (sent == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), p.csrfToken().getBytes(StandardCharsets.UTF_8))) {
        throw ApiException.forbidden(CSRF_HEADER + ": missing or wrong CSRF token for this session");
      }
    }
  }

  private Optional<Principal> identify(Context ctx) {
    String auth = ctx.header("Authorization");
    if (auth != null) {
      if (!auth.regionMatches(true, 0, "Bearer ", 0, 7)) throw ApiException.unauthorized("Authorization: expected 'Bearer <token>'");
      Optional<Principal> p = sessions.byAccessToken(auth.substring(7).trim());
      if (p.isEmpty()) throw ApiException.unauthorized("Authorization: unknown or revoked token");
      return p;
    }
    String cookie = ctx.cookie(SESSION_COOKIE);
    return cookie == null || cookie.isEmpty() ? Optional.empty() : sessions.bySession(cookie);
  }

  /** A browser write must come from this server's own pages (Origin, when sent, names this host). */
  private static void checkOrigin(Context ctx) {
    String origin = ctx.header("Origin");
    if (origin == null || origin.equals("null") && ctx.cookie(SESSION_COOKIE) == null) return;
    String host = ctx.header("Host");
    try {
      URI o = URI.create(origin);
      String originHost = o.getPort() < 0 ? o.getHost() : o.getHost() + ":" + o.getPort();
      if (host != null && host.equalsIgnoreCase(originHost)) return;
    } catch (IllegalArgumentException ignored) {
      // falls through to the refusal
    }
    throw ApiException.forbidden("Origin: '" + origin + "' is not this server");
  }
}
