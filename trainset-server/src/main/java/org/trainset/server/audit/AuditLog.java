package org.trainset.server.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.trainset.server.Ids;
import org.trainset.server.db.Database;
import org.trainset.server.db.Sql;

/**
 * The platform's audit log: append-only and hash-chained. Each entry's hash is the SHA-256 of the
 * previous entry's hash and the entry's canonical text, so {@link #verify} finds the first entry
 * that was edited, deleted or moved. Appends inside a caller's transaction ({@link #append(Connection,
 * Entry)}) commit or roll back with the work they record.
 */
public final class AuditLog {
  /** The hash before the first entry. */
  public static final String GENESIS = "0".repeat(64);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One recorded event; {@code detail} is a JSON object (never null). */
  public record Entry(String actorId, String action, String objectType, String objectId, JsonNode detail) {
    public Entry {
      if (action == null || action.isBlank()) throw new IllegalArgumentException("audit: action required");
      if (objectType == null || objectType.isBlank()) throw new IllegalArgumentException("audit: objectType required");
      if (detail == null) detail = JsonNodeFactory.instance.objectNode();
    }
  }

  /** A stored entry with its place in the chain. */
  public record Stored(long seq, long at, Entry entry, String prevHash, String hash) {
    public ObjectNode toJson() {
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      o.put("seq", seq).put("at", at).put("actorId", entry.actorId()).put("action", entry.action())
          .put("objectType", entry.objectType()).put("objectId", entry.objectId());
      o.set("detail", entry.detail());
      o.put("prevHash", prevHash).put("hash", hash);
      return o;
    }
  }

  private final Database db;
  private final Clock clock;

  public AuditLog(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Appends in a transaction of its own. */
  public Stored append(String actorId, String action, String objectType, String objectId, JsonNode detail) {
    Entry e = new Entry(actorId, action, objectType, objectId, detail);
    return db.write(c -> append(c, e));
  }

  /**
   * Appends inside the caller's write transaction. On SQLite writes are serialised by the
   * database's write lock; on PostgreSQL the table lock keeps two appends from sharing a parent.
   */
  public Stored append(Connection c, Entry e) throws SQLException {
    if (!c.getMetaData().getURL().startsWith("jdbc:sqlite:")) {
      try (var st = c.createStatement()) {
        st.execute("LOCK TABLE audit_log IN EXCLUSIVE MODE");
      }
    }
    var last = Sql.one(c, "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1",
        rs -> new Object[] {rs.getLong(1), rs.getString(2)});
    long seq = last.map(r -> (Long) r[0] + 1).orElse(1L);
    String prev = last.map(r -> (String) r[1]).orElse(GENESIS);
    long at = clock.millis();
    String hash = hash(prev, seq, at, e);
    Sql.update(c, "INSERT INTO audit_log (seq, at, actor_id, action, object_type, object_id, detail, prev_hash, hash) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", seq, at, e.actorId(), e.action(), e.objectType(), e.objectId(),
        e.detail().toString(), prev, hash);
    return new Stored(seq, at, e, prev, hash);
  }

  /** Entries with {@code seq > afterSeq}, oldest first, at most {@code limit}. */
  public List<Stored> page(long afterSeq, int limit) {
    return db.read(c -> Sql.list(c, "SELECT seq, at, actor_id, action, object_type, object_id, detail, prev_hash, hash "
        + "FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?", AuditLog::row, afterSeq, limit));
  }

  /** The chain's canonical hash of one entry (hex SHA-256). */
  public static String hash(String prevHash, long seq, long at, Entry e) {
    return hash(prevHash, seq, at, e, e.detail().toString());
  }

  /** As stored: the detail's JSON text exactly as written, so a re-serialisation cannot change a hash. */
  private static String hash(String prevHash, long seq, long at, Entry e, String detailText) {
    String canonical = String.join("\n", prevHash, Long.toString(seq), Long.toString(at),
        nullToEmpty(e.actorId()), e.action(), e.objectType(), nullToEmpty(e.objectId()), detailText);
    return Ids.sha256Hex(canonical.getBytes(StandardCharsets.UTF_8));
  }

  /** A break in the chain: the entry at {@code seq} (or the gap before it) and what is wrong. */
  public record Break(long seq, String problem) {}

  /** Checks the whole chain; an empty list means it is intact. */
  public List<Break> verify() {
    List<Break> breaks = new ArrayList<>();
    db.read(c -> {
      String prev = GENESIS;
      long expectedSeq = 1;
      for (var raw : Sql.list(c, "SELECT seq, at, actor_id, action, object_type, object_id, detail, prev_hash, hash "
          + "FROM audit_log ORDER BY seq", rs -> java.util.Map.entry(row(rs), rs.getString(7)))) {
        Stored s = raw.getKey();
        if (s.seq() != expectedSeq) breaks.add(new Break(s.seq(), "entries " + expectedSeq + ".." + (s.seq() - 1) + " are missing"));
        if (!s.prevHash().equals(prev)) breaks.add(new Break(s.seq(), "previous-hash link does not match the entry before it"));
        if (!hash(s.prevHash(), s.seq(), s.at(), s.entry(), raw.getValue()).equals(s.hash())) breaks.add(new Break(s.seq(), "content does not match its hash (edited)"));
        prev = s.hash();
        expectedSeq = s.seq() + 1;
      }
      return null;
    });
    return breaks;
  }

  private static Stored row(java.sql.ResultSet rs) throws SQLException {
    JsonNode detail;
    try {
      detail = JSON.readTree(rs.getString(7));
    } catch (java.io.IOException ex) {
      detail = JsonNodeFactory.instance.textNode(rs.getString(7));
    }
    return new Stored(rs.getLong(1), rs.getLong(2),
        new Entry(rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), detail), rs.getString(8), rs.getString(9));
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
