package org.trainset.server.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.trainset.server.ApiException;

/**
 * Uploaded request bodies copied into the data folder's {@code uploads/} as temporary files, with
 * a size limit checked while copying (a lying Content-Length cannot get past it). The caller owns
 * the returned file and deletes it; a failed copy leaves nothing behind.
 */
public final class UploadFiles {
  private UploadFiles() {}

  public static Path receive(Path dataDir, InputStream body, long maxBytes, String prefix) throws IOException {
    Path dir = Files.createDirectories(dataDir.resolve("uploads"));
    Path dest = Files.createTempFile(dir, prefix, ".part");
    long n = 0;
    try (body; OutputStream out = Files.newOutputStream(dest)) {
      byte[] buf = new byte[64 * 1024];
      for (int r = body.read(buf); r >= 0; r = body.read(buf)) {
        n += r;
        if (n > maxBytes) throw ApiException.tooLarge("file: larger than " + maxBytes + " bytes");
        out.write(buf, 0, r);
      }
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(dest);
      throw e;
    }
    return dest;
  }
}
