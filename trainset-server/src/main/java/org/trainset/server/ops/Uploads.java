package org.trainset.server.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.trainset.server.ApiException;
import org.trainset.server.Ids;
import org.trainset.server.auth.Principal;
import org.trainset.server.db.Database;
import org.trainset.server.db.Sql;
import org.trainset.server.http.Http;
import org.trainset.server.project.Project;
import org.trainset.server.project.Projects;

/**
 * Resumable uploads of large archives: the client declares the size, then sends chunks at the
 * offset the server reports (after a broken connection it asks for the offset and goes on).
 * Bytes are hashed (SHA-256) as they arrive; the digest state lives in memory and is rebuilt
 * from the bytes on disk after a restart.
 */
public final class Uploads {
  /** An upload's row. */
  public record Upload(String id, String projectId, String userId, String fileName, long size, long received, String sha256) {
    public ObjectNode toJson() {
      return Http.object().put("id", id).put("fileName", fileName).put("size", size).put("offset", received).put("sha256", sha256);
    }
  }

  private final Database db;
  private final Projects projects;
  private final Path dir;
  private final long maxBytes;
  private final Map<String, MessageDigest> digests = new ConcurrentHashMap<>();

  public Uploads(Database db, Projects projects, Path dataDir, long maxBytes) throws IOException {
    this.db = db;
    this.projects = projects;
    this.dir = Files.createDirectories(dataDir.resolve("uploads"));
    this.maxBytes = maxBytes;
  }

  public Upload create(Principal p, Project project, String fileName, long size) throws IOException {
    if (size <= 0) throw ApiException.badRequest("size: must be positive");
    if (size > maxBytes) throw ApiException.tooLarge("size: " + size + " bytes is over the limit of " + maxBytes);
    if (fileName.length() > 255 || fileName.contains("/") || fileName.contains("\\")) {
      throw ApiException.badRequest("fileName: a plain file name of at most 255 characters");
    }
    String id = Ids.newId();
    Files.createFile(fileOf(id));
    db.write(c -> Sql.update(c, "INSERT INTO uploads (id, project_id, user_id, file_name, size, received, created_at) VALUES (?, ?, ?, ?, ?, 0, ?)",
        id, project.id(), p.userId(), fileName, size, System.currentTimeMillis()));
    return new Upload(id, project.id(), p.userId(), fileName, size, 0, null);
  }

  /** The upload when it is {@code p}'s (or {@code p} is an admin) and its project is visible; 404 otherwise. */
  public Upload require(Principal p, String id) {
    Upload u = db.read(c -> Sql.one(c, "SELECT id, project_id, user_id, file_name, size, received, sha256 FROM uploads WHERE id = ?",
        rs -> new Upload(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getLong(6), rs.getString(7)), id))
        .orElseThrow(() -> ApiException.notFound("upload " + id));
    projects.require(p, u.projectId());
    if (!p.isAdmin() && !u.userId().equals(p.userId())) throw ApiException.notFound("upload " + id);
    return u;
  }

  /** Appends a chunk that starts at {@code offset}; 409 when the offset is not where the upload is. */
  public synchronized Upload append(Principal p, String id, long offset, InputStream chunk) throws IOException {
    Upload u = require(p, id);
    if (offset != u.received()) throw ApiException.conflict("Upload-Offset: expected " + u.received() + ", got " + offset);
    if (u.sha256() != null) throw ApiException.conflict("upload " + id + " is complete");
    MessageDigest sha = digests.computeIfAbsent(id, k -> rehash(fileOf(k)));
    long room = u.size() - u.received();
    long written = 0;
    byte[] buf = new byte[64 * 1024];
    try (OutputStream out = Files.newOutputStream(fileOf(id), StandardOpenOption.APPEND)) {
      for (int n = chunk.read(buf); n >= 0; n = chunk.read(buf)) {
        if (written + n > room) {
          throw ApiException.tooLarge("body: the chunk goes past the declared size " + u.size());
        }
        out.write(buf, 0, n);
        sha.update(buf, 0, n);
        written += n;
      }
    } catch (ApiException e) {
      truncate(id, u.received());
      throw e;
    }
    long received = u.received() + written;
    String hex = received == u.size() ? HexFormat.of().formatHex(sha.digest()) : null;
    if (hex != null) digests.remove(id);
    db.write(c -> Sql.update(c, "UPDATE uploads SET received = ?, sha256 = ? WHERE id = ?", received, hex, id));
    return new Upload(u.id(), u.projectId(), u.userId(), u.fileName(), u.size(), received, hex);
  }

  /** Hands a complete upload over (to an import): its file, removed from the uploads. */
  public Path take(Principal p, String id, Project project) {
    Upload u = require(p, id);
    if (!u.projectId().equals(project.id())) throw ApiException.badRequest("uploadId: belongs to another project");
    if (u.sha256() == null) throw ApiException.conflict("uploadId: the upload has " + u.received() + " of " + u.size() + " bytes");
    db.write(c -> Sql.update(c, "DELETE FROM uploads WHERE id = ?", id));
    return fileOf(id);
  }

  public String fileName(Principal p, String id) {
    return require(p, id).fileName();
  }

  private void truncate(String id, long size) throws IOException {
    try (var ch = java.nio.channels.FileChannel.open(fileOf(id), StandardOpenOption.WRITE)) {
      ch.truncate(size);
    }
    digests.remove(id);
  }

  private static MessageDigest rehash(Path file) {
    MessageDigest sha = Ids.sha256();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = new byte[64 * 1024];
      for (int n = in.read(buf); n >= 0; n = in.read(buf)) sha.update(buf, 0, n);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return sha;
  }

  private Path fileOf(String id) {
    return dir.resolve(id + ".part");
  }
}
