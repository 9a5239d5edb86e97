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

  /** One finding of {@link #verifyReport}: {@code kind} is changed, deleted or reordered. */
  public record Finding(long seq, String kind, String detail) {
    public ObjectNode toJson() {
      return JsonNodeFactory.instance.objectNode().put("seq", seq).put("kind", kind).put("detail", detail);
    }
  }

  /** The chain check: how many entries were read and what is wrong with them (empty: intact). */
  public record Report(long entries, List<Finding> findings) {
    public boolean intact() {
      return findings.isEmpty();
    }

    public ObjectNode toJson() {
      ObjectNode o = JsonNodeFactory.instance.objectNode().put("entries", entries).put("intact", intact());
      var arr = o.putArray("findings");
      findings.forEach(f -> arr.add(f.toJson()));
      return o;
    }
  }

  /** Checks the whole chain; an empty list means it is intact. */
  public List<Break> verify() {
    return verifyReport().findings().stream().map(f -> new Break(f.seq(), f.kind() + ": " + f.detail())).toList();
  }

  /**
   * Checks the whole chain and names what broke it: an entry whose content no longer matches its
   * hash was <em>changed</em>, unless it matches under another position, then it was
   * <em>reordered</em>; a gap in the numbering is a <em>deleted</em> entry; an intact entry linked
   * to another entry than the one before it was reordered, or its predecessor was rewritten with a
   * new hash (changed). Deleting the newest entries leaves no gap and is not seen here.
   */
  public Report verifyReport() {
    List<Finding> out = new ArrayList<>();
    List<java.util.Map.Entry<Stored, String>> rows = db.read(c -> Sql.list(c, "SELECT seq, at, actor_id, action, object_type, object_id, detail, prev_hash, hash "
        + "FROM audit_log ORDER BY seq", rs -> java.util.Map.entry(row(rs), rs.getString(7))));
    java.util.Map<String, Long> seqOfHash = new java.util.HashMap<>();
    for (var r : rows) seqOfHash.put(r.getKey().hash(), r.getKey().seq());
    String prev = GENESIS;
    long expectedSeq = 1;
    for (var raw : rows) {
      Stored s = raw.getKey();
      boolean gap = s.seq() != expectedSeq;
      if (gap) {
        out.add(new Finding(expectedSeq, "deleted", s.seq() - expectedSeq == 1 ? "entry " + expectedSeq + " is missing"
            : "entries " + expectedSeq + ".." + (s.seq() - 1) + " are missing"));
      }
      boolean selfOk = hash(s.prevHash(), s.seq(), s.at(), s.entry(), raw.getValue()).equals(s.hash());
      if (!selfOk) {
        long written = writtenAt(s, raw.getValue(), rows.size() + 2);
        out.add(written > 0
            ? new Finding(s.seq(), "reordered", "entry written as number " + written + " now stands at " + s.seq())
            : new Finding(s.seq(), "changed", "content does not match its hash (" + s.entry().action() + ")"));
      } else if (!s.prevHash().equals(prev) && !gap) {
        Long linked = seqOfHash.get(s.prevHash());
        out.add(linked != null
            ? new Finding(s.seq(), "reordered", "entry follows entry " + linked + " in the chain, not entry " + (s.seq() - 1))
            : new Finding(s.seq() - 1, "changed", "entry was rewritten with a new hash: entry " + s.seq() + " no longer links to it"));
      }
      prev = s.hash();
      expectedSeq = s.seq() + 1;
    }
    return new Report(rows.size(), out);
  }

  /** The position under which an entry's content does hash to its stored hash, or 0 when none. */
  private static long writtenAt(Stored s, String detailText, long maxSeq) {
    for (long seq = 1; seq <= maxSeq; seq++) {
      if (seq != s.seq() && hash(s.prevHash(), seq, s.at(), s.entry(), detailText).equals(s.hash())) return seq;
    }
    return 0;
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
