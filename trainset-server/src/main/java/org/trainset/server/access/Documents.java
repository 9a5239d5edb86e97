package org.trainset.server.access;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.trainset.server.ApiException;
import org.trainset.server.Ids;
import org.trainset.server.audit.AuditLog;
import org.trainset.server.db.Database;
import org.trainset.server.db.Sql;

/**
 * Documents attached to access requests (an IRB approval notice, ...). Only PDFs are taken, known
 * by their first bytes ({@code %PDF-}), never by their name; the bytes are stored once per
 * SHA-256 under {@code <dataDir>/access-documents/}, outside every path the server serves.
 */
public final class Documents {
  private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

  /** A stored document. */
  public record Document(String id, String requestId, String sha256, String fileName, String contentType, long size, long createdAt) {
    public ObjectNode toJson() {
      return JsonNodeFactory.instance.objectNode().put("id", id).put("fileName", fileName).put("contentType", contentType)
          .put("size", size).put("sha256", sha256).put("uploadedAt", Instant.ofEpochMilli(createdAt).toString());
    }
  }

  private final Database db;
  private final Clock clock;
  private final AuditLog audit;
  private final Path store;
  private final long maxBytes;

  public Documents(Database db, Clock clock, AuditLog audit, Path dataDir, long maxBytes) {
    this.db = db;
    this.clock = clock;
    this.audit = audit;
    this.store = dataDir.resolve("access-documents");
    this.maxBytes = maxBytes;
  }

  public long maxBytes() { return maxBytes; }

  /**
   * Stores {@code body} as a document of the request (the caller has checked the request is the
   * applicant's and still open). 413 past the size limit, 415 when it is not a PDF.
   */
  public Document add(String requestId, String userId, String fileName, InputStream body) {
    String cleaned = fileName == null || fileName.isBlank() ? "document.pdf" : fileName.replaceAll("[^\\p{L}\\p{N}._ -]", "_");
    String name = cleaned.length() > 200 ? cleaned.substring(0, 200) : cleaned;
    try {
      Files.createDirectories(store);
      Path tmp = Files.createTempFile(store, "upload-", ".part");
      try {
        MessageDigest sha = Ids.sha256();
        final long size;
        byte[] head;
        try (var out = new DigestOutputStream(Files.newOutputStream(tmp), sha)) {
          head = body.readNBytes(PDF_MAGIC.length);
          if (!Arrays.equals(head, PDF_MAGIC)) {
            throw new ApiException(415, "unsupported_media_type", "document: not a PDF (a PDF starts with %PDF-)");
          }
          out.write(head);
          size = head.length + copyAtMost(body, out, maxBytes - head.length);
        }
        String hex = HexFormat.of().formatHex(sha.digest());
        Path dest = pathOf(hex);
        Files.createDirectories(dest.getParent());
        if (!Files.exists(dest)) Files.move(tmp, dest, StandardCopyOption.ATOMIC_MOVE);
        Document d = new Document(Ids.newId(), requestId, hex, name, "application/pdf", size, clock.millis());
        db.write(c -> {
          Sql.update(c, "INSERT INTO access_documents (id, request_id, sha256, file_name, content_type, size, uploaded_by, created_at) "
              + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", d.id(), requestId, hex, name, d.contentType(), size, userId, d.createdAt());
          audit.append(c, new AuditLog.Entry(userId, "access.document", "access_request", requestId, d.toJson()));
          return null;
        });
        return d;
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public List<Document> list(String requestId) {
    return db.read(c -> Sql.list(c, "SELECT id, request_id, sha256, file_name, content_type, size, created_at FROM access_documents "
        + "WHERE request_id = ? ORDER BY created_at, id", Documents::row, requestId));
  }

  public Document require(String requestId, String documentId) {
    return list(requestId).stream().filter(d -> d.id().equals(documentId)).findFirst()
        .orElseThrow(() -> ApiException.notFound("document '" + documentId + "' of request '" + requestId + "'"));
  }

  /** Where the bytes of a document with this SHA-256 are kept. */
  public Path pathOf(String sha256) {
    if (!sha256.matches("[0-9a-f]{64}")) throw new IllegalArgumentException("not a SHA-256: " + sha256);
    return store.resolve(sha256.substring(0, 2)).resolve(sha256);
  }

  private static long copyAtMost(InputStream in, java.io.OutputStream out, long limit) throws IOException {
    byte[] buf = new byte[64 * 1024];
    long total = 0;
    for (int n; (n = in.read(buf)) > 0; ) {
      total += n;
      if (total > limit) throw ApiException.tooLarge("document: larger than " + (limit + PDF_MAGIC.length) + " bytes");
      out.write(buf, 0, n);
    }
    return total;
  }

  private static Document row(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Document(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getLong(6), rs.getLong(7));
  }
}
