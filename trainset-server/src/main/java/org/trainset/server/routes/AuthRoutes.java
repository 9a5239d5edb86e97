package org.trainset.server.routes;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import org.trainset.server.ApiException;
import org.trainset.server.Platform;
import org.trainset.server.auth.Principal;
import org.trainset.server.auth.Sessions;
import org.trainset.server.http.AuthFilter;
import org.trainset.server.http.Http;
import org.trainset.server.http.RouteTable;

/** Login, logout, the current user and personal access tokens. */
public final class AuthRoutes {
  private final Platform platform;

  public AuthRoutes(Platform platform) {
    this.platform = platform;
  }

  public void register(RouteTable t) {
    t.post("/api/auth/login", RouteTable.PUBLIC, this::login);
    t.post("/api/auth/logout", RouteTable.SIGNED_IN, this::logout);
    t.get("/api/me", RouteTable.SIGNED_IN, this::me);
    t.post("/api/tokens", RouteTable.SIGNED_IN, this::newToken);
  }

  private void login(Context ctx) {
    JsonNode body = Http.objectBody(ctx);
    String username = Http.text(body, "username");
    String password = Http.text(body, "password");
    String address = ctx.ip();
    long wait = platform.loginLimiter().retryAfterSeconds(username, address);
    if (wait > 0) {
      ctx.header("Retry-After", Long.toString(wait));
      throw new ApiException(429, "too_many_attempts", "too many failed logins; try again in " + wait + " s");
    }
    Principal p = platform.users().authenticate(username, password).orElse(null);
    if (p == null) {
      platform.loginLimiter().failed(username, address);
      platform.audit().append(null, "login.failed", "user", null, Http.object().put("username", username).put("address", address));
      throw ApiException.unauthorized("wrong username or password");
    }
    platform.loginLimiter().succeeded(username);
    platform.audit().append(p.userId(), "login", "user", p.userId(), Http.object().put("username", username).put("address", address));
    Sessions.NewSession s = platform.sessions().open(p.userId());
    Cookie cookie = new Cookie(AuthFilter.SESSION_COOKIE, s.token());
    cookie.setHttpOnly(true);
    cookie.setSameSite(SameSite.LAX);
    cookie.setPath("/");
    cookie.setMaxAge((int) Sessions.SESSION_LIFETIME.toSeconds());
    ctx.cookie(cookie);
    var out = Http.object().put("csrfToken", s.csrfToken());
    out.set("user", user(p));
    Http.json(ctx, out);
  }

  private void logout(Context ctx) {
    String cookie = ctx.cookie(AuthFilter.SESSION_COOKIE);
    if (cookie != null) platform.sessions().close(cookie);
    ctx.removeCookie(AuthFilter.SESSION_COOKIE, "/");
    ctx.status(204);
  }

  private void me(Context ctx) {
    Http.json(ctx, user(Http.principal(ctx)));
  }

  private void newToken(Context ctx) {
    String name = Http.text(Http.objectBody(ctx), "name");
    String token = platform.sessions().newAccessToken(Http.principal(ctx).userId(), name);
    Http.json(ctx, 201, Http.object().put("token", token).put("name", name));
  }

  private JsonNode user(Principal p) {
    var u = Http.object().put("id", p.userId()).put("username", p.username()).put("role", p.role().key());
    var orgs = u.putArray("orgs");
    platform.users().orgNames(p.orgIds()).forEach(orgs::add);
    return u;
  }
}
