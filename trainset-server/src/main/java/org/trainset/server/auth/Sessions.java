package org.trainset.server.auth;

import java.time.Duration;
import java.util.Optional;
import org.trainset.server.Ids;
import org.trainset.server.db.Database;
import org.trainset.server.db.Sql;

/**
 * Browser sessions and personal access tokens. The database keeps only SHA-256 hashes of the
 * secrets, so a leaked database does not log anyone in; deleting the row revokes at once.
 */
public final class Sessions {
  public static final Duration SESSION_LIFETIME = Duration.ofHours(12);

  /** A new session: the cookie value and the CSRF token the client sends back on writes. */
  public record NewSession(String token, String csrfToken) {}

  private final Database db;

  public Sessions(Database db) {
    this.db = db;
  }

  public NewSession open(String userId) {
    String token = Ids.newSecret();
    String csrf = Ids.newSecret();
    long now = System.currentTimeMillis();
    db.write(c -> Sql.update(c, "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
        Ids.hashSecret(token), userId, csrf, now, now + SESSION_LIFETIME.toMillis()));
    return new NewSession(token, csrf);
  }

  public Optional<Principal> bySession(String token) {
    return db.read(c -> {
      Optional<String[]> s = Sql.one(c, "SELECT user_id, csrf_token FROM sessions WHERE token_hash = ? AND expires_at > ?",
          rs -> new String[] {rs.getString(1), rs.getString(2)}, Ids.hashSecret(token), System.currentTimeMillis());
      return s.isEmpty() ? Optional.empty() : Optional.of(Users.principal(c, s.get()[0], s.get()[1]));
    });
  }

  public void close(String token) {
    db.write(c -> Sql.update(c, "DELETE FROM sessions WHERE token_hash = ?", Ids.hashSecret(token)));
  }

  /** A new personal access token for {@code userId}; the secret is returned once, never stored. */
  public String newAccessToken(String userId, String name) {
    if (name == null || name.isBlank() || name.length() > 100) {
      throw new IllegalArgumentException("name: 1-100 characters");
    }
    String token = "tst_" + Ids.newSecret();
    db.write(c -> Sql.update(c, "INSERT INTO access_tokens (token_hash, id, user_id, name, created_at) VALUES (?, ?, ?, ?, ?)",
        Ids.hashSecret(token), Ids.newId(), userId, name, System.currentTimeMillis()));
    return token;
  }

  public Optional<Principal> byAccessToken(String token) {
    return db.read(c -> {
      Optional<String> userId = Sql.one(c, "SELECT user_id FROM access_tokens WHERE token_hash = ?",
          rs -> rs.getString(1), Ids.hashSecret(token));
      return userId.isEmpty() ? Optional.empty() : Optional.of(Users.principal(c, userId.get(), null));
    });
  }
}
