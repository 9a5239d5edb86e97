package org.trainset.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.trainset.server.auth.LoginLimiter;
import org.trainset.server.auth.Sessions;
import org.trainset.server.auth.Users;
import org.trainset.server.db.Database;

/**
 * The platform's services over one data folder and database, shared by the HTTP routes and the
 * CLI ({@code trainset users}). Closing it closes the database and stops background work.
 */
public final class Platform implements AutoCloseable {
  private final Path dataDir;
  private final Database db;
  private final Users users;
  private final Sessions sessions;
  private final LoginLimiter loginLimiter = new LoginLimiter(5, 60_000);

  private Platform(Path dataDir, Database db) {
    this.dataDir = dataDir;
    this.db = db;
    this.users = new Users(db);
    this.sessions = new Sessions(db);
  }

  /** Opens the data folder (created when missing) and the database ({@code dbUrl} null: SQLite inside it). */
  public static Platform open(Path dataDir, String dbUrl) throws IOException {
    Path dir = dataDir.toAbsolutePath().normalize();
    Files.createDirectories(dir);
    return new Platform(dir, Database.open(dir, dbUrl));
  }

  public Path dataDir() { return dataDir; }
  public Database db() { return db; }
  public Users users() { return users; }
  public Sessions sessions() { return sessions; }
  public LoginLimiter loginLimiter() { return loginLimiter; }

  public static String version() {
    String v = Platform.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  @Override public void close() {
    db.close();
  }
}
