package org.trainset.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.trainset.server.db.Sql;

/**
 * The audit log over the API: logins, access decisions and grants are recorded; admins page
 * through it; the chain check names a changed, a deleted and a reordered entry after the database
 * is edited behind the server's back.
 */
class AuditApiTest {
  @Nested class OnSqlite extends Cases { OnSqlite() { super(TestDatabases.SQLITE); } }
  @Nested class OnPostgresql extends Cases { OnPostgresql() { super(TestDatabases.POSTGRESQL); } }

  abstract static class Cases extends ServerTestBase {
    Cases(TestDatabases db) {
      super(db);
    }

    List<JsonNode> all() {
      List<JsonNode> out = new ArrayList<>();
      long after = 0;
      while (true) {
        var r = admin().get("/api/audit?after=" + after + "&limit=3");
        assertEquals(200, r.status(), r.toString());
        r.json().get("entries").forEach(out::add);
        if (r.json().get("next").isNull()) return out;
        after = r.json().get("next").asLong();
      }
    }

    JsonNode verify() {
      var r = admin().get("/api/audit/verify");
      assertEquals(200, r.status(), r.toString());
      return r.json();
    }

    void sql(String statement, Object... params) {
      platform.db().write(c -> Sql.update(c, statement, params));
    }

    @Test void recordsArePagedAndEveryKindOfTamperingIsNamed() throws Exception {
      anonymous.login("manager1", PASSWORD);
      anonymous.badInput().post("/api/auth/login", Map.of("username", "manager1", "password", "wrong password"));
      AccessFixtures.publish(this, "audited");
      assertEquals(200, manager().put("/api/datasets/audited/access", Map.of("mode", "gated")).status());
      var req = as.get(org.trainset.server.auth.Role.DATAUSER).post("/api/datasets/audited/access-requests", Map.of("purpose", "audit"));
      var ok = manager().post("/api/access-requests/" + req.json().get("id").asText() + "/decision",
          Map.of("decision", "approve", "expiresAt", "2099-01-01"));
      assertEquals(200, manager().send("DELETE", "/api/grants/" + ok.json().get("grant").get("id").asText(), null, null).status());
      List<JsonNode> entries = all();
      List<String> actions = entries.stream().map(e -> e.get("action").asText()).toList();
      for (String a : List.of("login", "login.failed", "release.create", "access.mode", "access.request", "grant.create", "access.decision", "grant.revoke")) {
        assertTrue(actions.contains(a), a + " missing from " + actions);
      }
      assertEquals(403, manager().get("/api/audit").status());
      assertEquals(401, anonymous.get("/api/audit").status());
      assertTrue(verify().get("intact").asBoolean());
      int n = entries.size();
      assertTrue(n >= 8);

      // changed: an entry's detail edited in place
      sql("UPDATE audit_log SET detail = ? WHERE seq = 2", "{\"username\":\"someone-else\"}");
      JsonNode v = verify();
      assertEquals(List.of("2:changed"), findings(v), v.toString());
      // deleted: an entry removed
      sql("DELETE FROM audit_log WHERE seq = 4");
      v = verify();
      assertEquals(List.of("2:changed", "4:deleted"), findings(v), v.toString());
      // reordered: two entries swap places
      sql("UPDATE audit_log SET seq = -1 WHERE seq = 6");
      sql("UPDATE audit_log SET seq = 6 WHERE seq = 7");
      sql("UPDATE audit_log SET seq = 7 WHERE seq = -1");
      v = verify();
      List<String> f = findings(v);
      assertTrue(f.containsAll(List.of("2:changed", "4:deleted", "6:reordered", "7:reordered")), f.toString());
      assertTrue(f.stream().noneMatch(x -> x.startsWith("6:changed") || x.startsWith("7:changed")), f.toString());
    }

    private static List<String> findings(JsonNode report) {
      List<String> out = new ArrayList<>();
      report.get("findings").forEach(x -> {
        String s = x.get("seq").asLong() + ":" + x.get("kind").asText();
        if (!out.contains(s)) out.add(s);
      });
      return out;
    }
  }
}
