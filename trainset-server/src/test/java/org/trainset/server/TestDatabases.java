package org.trainset.server;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The two databases every server test runs on. PostgreSQL comes from
 * {@code scripts/start-test-postgres} (Debian's package), which hands its JDBC URL over in the
 * system property {@code trainset.test.postgres} (or the environment variable
 * {@code TRAINSET_TEST_POSTGRES}). Without it the PostgreSQL tests fail on CI ({@code CI=true})
 * and are skipped on a developer's machine.
 */
public enum TestDatabases {
  SQLITE, POSTGRESQL;

  /** A fresh, empty database for one test class: null (SQLite in the data folder) or a new PostgreSQL schema. */
  public String freshUrl() throws Exception {
    if (this == SQLITE) return null;
    String url = System.getProperty("trainset.test.postgres");
    if (url == null || url.isBlank()) url = System.getenv("TRAINSET_TEST_POSTGRES");
    if (url == null || url.isBlank()) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError("PostgreSQL tests need TRAINSET_TEST_POSTGRES (run scripts/start-test-postgres; ./run-tests does)");
      }
      Assumptions.abort("no PostgreSQL: run scripts/start-test-postgres and export TRAINSET_TEST_POSTGRES");
    }
    String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    }
    return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }
}
