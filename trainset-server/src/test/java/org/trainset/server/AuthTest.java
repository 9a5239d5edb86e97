package org.trainset.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.trainset.server.auth.Role;

/** Health, login, sessions, CSRF, tokens and rate limiting, over HTTP, on both databases. */
class AuthTest {
  @Nested class OnSqlite extends Cases { OnSqlite() { super(TestDatabases.SQLITE); } }
  @Nested class OnPostgresql extends Cases { OnPostgresql() { super(TestDatabases.POSTGRESQL); } }

  abstract static class Cases extends ServerTestBase {
    Cases(TestDatabases db) {
      super(db);
    }

    @Test void healthNamesTheDatabase() {
      var r = anonymous.get("/api/health");
      assertEquals(200, r.status());
      assertEquals("ok", r.json().get("status").asText());
      assertEquals(database == TestDatabases.SQLITE ? "sqlite" : "postgresql", r.json().get("db").asText());
      assertTrue(anonymous.get("/api/openapi.yaml").text().contains("/api/items/{id}/annotations"));
    }

    @Test void loginSetsAnHttpOnlySameSiteCookieAndWritesNeedTheCsrfToken() {
      var r = anonymous.post("/api/auth/login", Map.of("username", "manager1", "password", PASSWORD));
      assertEquals(200, r.status(), r.toString());
      String cookie = r.header("Set-Cookie").orElseThrow();
      assertTrue(cookie.contains("HttpOnly"), cookie);
      assertTrue(cookie.contains("SameSite=Lax"), cookie);
      ApiClient session = anonymous.login("manager1", PASSWORD);
      assertEquals("manager1", session.get("/api/me").json().get("username").asText());
      // a write with the cookie but without the token is refused, and nothing is created
      ApiClient noToken = session.withSession(cookieOf(session), null);
      assertEquals(403, noToken.post("/api/projects", Map.of("name", "csrf-less")).status());
      assertEquals(403, session.withOrigin("http://evil.example").post("/api/projects", Map.of("name", "cross-site")).status());
      assertFalse(session.get("/api/projects").text().contains("csrf-less"));
      assertEquals(201, session.post("/api/projects", Map.of("name", "with-token")).status());
      // logout revokes the session at once
      assertEquals(204, session.send("POST", "/api/auth/logout", null, null).status());
      assertEquals(401, session.get("/api/me").status());
    }

    @Test void wrongPasswordsAreRateLimited() {
      var bad = Map.of("username", "reviewer1", "password", "wrong password");
      for (int i = 0; i < 5; i++) assertEquals(401, anonymous.post("/api/auth/login", bad).status());
      var r = anonymous.post("/api/auth/login", Map.of("username", "reviewer1", "password", PASSWORD));
      assertEquals(429, r.status(), r.toString());
      assertTrue(r.header("Retry-After").isPresent());
    }

    @Test void personalAccessTokensWorkAsBearer() {
      ApiClient session = anonymous.login("annotator1", PASSWORD);
      var r = session.post("/api/tokens", Map.of("name", "cli"));
      assertEquals(201, r.status(), r.toString());
      ApiClient bearer = anonymous.withBearer(r.json().get("token").asText());
      assertEquals("annotator", bearer.get("/api/me").json().get("role").asText());
      assertEquals(401, anonymous.withBearer("tst_forged").get("/api/me").status());
      assertEquals(403, as.get(Role.ANNOTATOR).post("/api/projects", Map.of("name", "not mine")).status());
    }

    private static String cookieOf(ApiClient c) {
      try {
        var f = ApiClient.class.getDeclaredField("cookie");
        f.setAccessible(true);
        return (String) f.get(c);
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(e);
      }
    }
  }
}
