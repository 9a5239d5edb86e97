package org.trainset.server.auth;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.trainset.server.Ids;
import org.trainset.server.db.Database;
import org.trainset.server.db.Sql;

/** Users, their role and organisations; password checks. */
public final class Users {
  /** A user as listed (no secrets). */
  public record User(String id, String username, Role role, List<String> orgs) {}

  private final Database db;

  public Users(Database db) {
    this.db = db;
  }

  /**
   * Adds a user to organisation {@code org} (created when new). Usernames are unique; the
   * password must have at least 8 characters.
   */
  public User add(String username, String password, Role role, String org) {
    if (username == null || !username.matches("[A-Za-z0-9._@-]{1,64}")) {
      throw new IllegalArgumentException("username: 1-64 letters, digits, '.', '_', '@' or '-'");
    }
    if (password == null || password.length() < 8) {
      throw new IllegalArgumentException("password: at least 8 characters");
    }
    String hash = Passwords.hash(password);
    String orgName = org == null ? "default" : org;
    return db.write(c -> {
      if (Sql.count(c, "SELECT COUNT(*) FROM users WHERE username = ?", username) > 0) {
        throw new IllegalArgumentException("user '" + username + "' already exists");
      }
      String orgId = orgId(c, orgName, true);
      String id = Ids.newId();
      Sql.update(c, "INSERT INTO users (id, username, password_hash, role, created_at) VALUES (?, ?, ?, ?, ?)",
          id, username, hash, role.key(), System.currentTimeMillis());
      Sql.update(c, "INSERT INTO user_orgs (user_id, org_id) VALUES (?, ?)", id, orgId);
      return new User(id, username, role, List.of(orgName));
    });
  }

  /**
   * Sets the address the server mails the user at (reminders to reviewers); null removes it.
   * Only the shape is checked (one '@', no spaces): whether it is deliverable is the mail server's business.
   */
  public void setEmail(String userId, String address) {
    if (address != null) checkEmail(address);
    db.write(c -> {
      if (Sql.count(c, "SELECT COUNT(*) FROM users WHERE id = ?", userId) == 0) throw new IllegalArgumentException("user '" + userId + "' does not exist");
      Sql.update(c, "DELETE FROM user_emails WHERE user_id = ?", userId);
      if (address != null) {
        Sql.update(c, "INSERT INTO user_emails (user_id, address, updated_at) VALUES (?, ?, ?)", userId, address, System.currentTimeMillis());
      }
      return null;
    });
  }

  /** Refuses what is not shaped like a mail address (one '@', no spaces), naming the field. */
  public static void checkEmail(String address) {
    if (!address.matches("[^@\\s]{1,64}@[^@\\s]{1,255}")) {
      throw new IllegalArgumentException("email: expected an address like kim@example.org, got '" + address + "'");
    }
  }

  /** The user's mail address, if one was set. */
  public Optional<String> email(String userId) {
    return db.read(c -> Sql.one(c, "SELECT address FROM user_emails WHERE user_id = ?", rs -> rs.getString(1), userId));
  }

  public List<User> list() {
    return db.read(c -> Sql.list(c, "SELECT id, username, role FROM users ORDER BY username",
        rs -> new User(rs.getString(1), rs.getString(2), Role.fromKey(rs.getString(3)),
            orgNames(c, rs.getString(1)))));
  }

  /** The user when the password matches; empty otherwise (unknown user or wrong password alike). */
  public Optional<Principal> authenticate(String username, String password) {
    Optional<String[]> row = db.read(c -> Sql.one(c, "SELECT id, password_hash FROM users WHERE username = ?",
        rs -> new String[] {rs.getString(1), rs.getString(2)}, username));
    if (row.isEmpty()) {
      Passwords.hash(password); // same work as a real check, so timing does not reveal the user
      return Optional.empty();
    }
    if (!Passwords.verify(password, row.get()[1])) return Optional.empty();
    return Optional.of(principal(row.get()[0], null));
  }

  /** The principal for user {@code userId}, with the session's CSRF token (null for bearer tokens). */
  public Principal principal(String userId, String csrfToken) {
    return db.read(c -> principal(c, userId, csrfToken));
  }

  static Principal principal(Connection c, String userId, String csrfToken) throws SQLException {
    String[] u = Sql.one(c, "SELECT username, role FROM users WHERE id = ?",
        rs -> new String[] {rs.getString(1), rs.getString(2)}, userId).orElseThrow();
    Set<String> orgs = new TreeSet<>(Sql.list(c, "SELECT org_id FROM user_orgs WHERE user_id = ?",
        rs -> rs.getString(1), userId));
    return new Principal(userId, u[0], Role.fromKey(u[1]), orgs, csrfToken);
  }

  /** The id of organisation {@code name}; created when {@code create} and missing. */
  public static String orgId(Connection c, String name, boolean create) throws SQLException {
    Optional<String> id = Sql.one(c, "SELECT id FROM orgs WHERE name = ?", rs -> rs.getString(1), name);
    if (id.isPresent() || !create) return id.orElse(null);
    String newId = Ids.newId();
    Sql.update(c, "INSERT INTO orgs (id, name) VALUES (?, ?)", newId, name);
    return newId;
  }

  /** Names of the organisations with these ids, sorted. */
  public List<String> orgNames(java.util.Collection<String> orgIds) {
    return db.read(c -> {
      List<String> names = new java.util.ArrayList<>();
      for (String id : orgIds) Sql.one(c, "SELECT name FROM orgs WHERE id = ?", rs -> rs.getString(1), id).ifPresent(names::add);
      java.util.Collections.sort(names);
      return names;
    });
  }

  private static List<String> orgNames(Connection c, String userId) throws SQLException {
    return Sql.list(c, "SELECT o.name FROM orgs o JOIN user_orgs uo ON uo.org_id = o.id WHERE uo.user_id = ? ORDER BY o.name",
        rs -> rs.getString(1), userId);
  }
}
