package org.trainset.server.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;

/**
 * The platform database: SQLite in the data folder by default, PostgreSQL when a
 * {@code jdbc:postgresql:} URL is given. Both get the same Flyway migrations. SQLite allows one
 * writer at a time, so writes there go through one lock (readers run in parallel under WAL);
 * PostgreSQL writes run concurrently.
 */
public final class Database implements AutoCloseable {
  /** Work inside one transaction. */
  @FunctionalInterface
  public interface Tx<T> {
    T run(Connection c) throws SQLException;
  }

  private final HikariDataSource pool;
  private final boolean sqlite;
  private final ReentrantLock writeLock = new ReentrantLock(true);

  private Database(HikariDataSource pool, boolean sqlite) {
    this.pool = pool;
    this.sqlite = sqlite;
  }

  /** Opens (and migrates) the database: {@code url} null means SQLite at {@code dataDir/trainset.db}. */
  public static Database open(Path dataDir, String url) throws java.io.IOException {
    boolean sqlite = url == null || url.startsWith("jdbc:sqlite:");
    HikariConfig cfg = new HikariConfig();
    if (url == null) {
      Files.createDirectories(dataDir);
      url = "jdbc:sqlite:" + dataDir.toAbsolutePath().resolve("trainset.db");
    }
    if (!sqlite && !url.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("--db: only jdbc:postgresql:// or jdbc:sqlite: URLs are supported, got " + url);
    }
    cfg.setJdbcUrl(url);
    cfg.setPoolName("trainset");
    if (sqlite) {
      cfg.addDataSourceProperty("journal_mode", "WAL");
      cfg.addDataSourceProperty("busy_timeout", "30000");
      cfg.addDataSourceProperty("synchronous", "NORMAL");
      cfg.addDataSourceProperty("foreign_keys", "true");
      cfg.setMaximumPoolSize(8);
    } else {
      cfg.setMaximumPoolSize(16);
    }
    HikariDataSource ds = new HikariDataSource(cfg);
    try {
      Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
    } catch (RuntimeException e) {
      ds.close();
      throw e;
    }
    return new Database(ds, sqlite);
  }

  public String kind() {
    return sqlite ? "sqlite" : "postgresql";
  }

  /** A read-only unit of work (no lock; autocommit). */
  public <T> T read(Tx<T> work) {
    try (Connection c = pool.getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw new DatabaseException(e);
    }
  }

  /** One write transaction: committed when {@code work} returns, rolled back when it throws. */
  public <T> T write(Tx<T> work) {
    if (sqlite) writeLock.lock();
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new DatabaseException(e);
    } finally {
      if (sqlite) writeLock.unlock();
    }
  }

  @Override public void close() {
    pool.close();
  }

  /** A database failure, unchecked so services stay readable; mapped to 500 by the HTTP layer. */
  public static final class DatabaseException extends RuntimeException {
    public DatabaseException(SQLException cause) {
      super(cause.getMessage(), cause);
    }
  }
}
