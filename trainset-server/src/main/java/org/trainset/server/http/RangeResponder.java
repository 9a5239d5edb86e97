package org.trainset.server.http;

import io.javalin.http.Context;
import jakarta.servlet.ServletOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.ee10.servlet.HttpOutput;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.trainset.server.ApiException;

/**
 * Sends a stored file from an authorised route, per RFC 9110: strong ETag (the file's SHA-256),
 * one byte range on GET ({@code Range: bytes=a-b}, {@code a-}, {@code -n}; other forms are ignored
 * and the whole file sent), {@code If-Range} (a range only while the ETag still matches, strong
 * comparison), {@code If-None-Match} (304, weak comparison, lists and {@code *}), 416 with
 * {@code bytes *}{@code /LEN} for ranges outside the file, and HEAD (headers only).
 */
public final class RangeResponder {
  /** Bytes mapped and written between two runs of the watcher's check (a revocation stops a body within one chunk). */
  static final long CHUNK = 8L << 20;
  private static final Pattern RANGE = Pattern.compile("(?i)bytes=(\\d{0,18})-(\\d{0,18})");

  private RangeResponder() {}

  /**
   * Hooks of a watched transfer (release downloads): {@link #beforeChunk} runs before every
   * chunk ({@link #CHUNK} bytes) of the body and stops the transfer by throwing (a revoked grant); {@link #started}
   * once the body begins, {@link #finished} once it ends, complete or cut off.
   */
  public interface Watcher {
    void beforeChunk() throws IOException;

    void started(long rangeStart);

    void finished(long bytes, boolean complete);
  }

  public static void send(Context ctx, Path file, long length, String sha256, String contentType) throws IOException {
    send(ctx, file, length, sha256, contentType, null);
  }

  /** As {@link #send(Context, Path, long, String, String)}, reporting the body's transfer to {@code watcher} (null: none). */
  public static void send(Context ctx, Path file, long length, String sha256, String contentType, Watcher watcher) throws IOException {
    // Bytes go out as stored: a compressed body would contradict Content-Length and byte ranges.
    ctx.disableCompression();
    String etag = "\"" + sha256 + "\"";
    ctx.header("ETag", etag).header("Accept-Ranges", "bytes").header("Cache-Control", "private, max-age=3600")
        .header("X-Content-Type-Options", "nosniff");
    if (noneMatches(ctx.header("If-None-Match"), etag)) {
      ctx.status(304);
      return;
    }
    // RFC 9110 §14.2: Range is defined for GET only; a Range the server cannot parse (another unit,
    // several ranges, last before first) is ignored and the whole file sent; If-Range compares strongly.
    String range = ctx.method().name().equals("GET") ? ctx.header("Range") : null;
    String ifRange = ctx.header("If-Range");
    if (range != null && ifRange != null && !ifRange.trim().equals(etag)) range = null; // changed (or a date): whole file
    long start = 0, end = length - 1;
    boolean partial = false;
    Matcher m = range == null ? null : RANGE.matcher(range.trim());
    if (m != null && m.matches() && !(m.group(1).isEmpty() && m.group(2).isEmpty())
        && (m.group(1).isEmpty() || m.group(2).isEmpty() || Long.parseLong(m.group(1)) <= Long.parseLong(m.group(2)))) {
      if (m.group(1).isEmpty()) {
        long suffix = Long.parseLong(m.group(2));
        if (suffix == 0) throw unsatisfiable(ctx, length, "Range: empty suffix range");
        start = Math.max(0, length - suffix);
      } else {
        start = Long.parseLong(m.group(1));
        if (!m.group(2).isEmpty()) end = Math.min(Long.parseLong(m.group(2)), length - 1);
      }
      if (start >= length) throw unsatisfiable(ctx, length, "Range: starts at or past the end (" + length + " bytes)");
      partial = true;
    }
    long count = end - start + 1;
    ctx.status(partial ? 206 : 200).contentType(contentType);
    if (partial) ctx.header("Content-Range", "bytes " + start + "-" + end + "/" + length);
    ctx.header("Content-Length", Long.toString(count));
    if (ctx.method().name().equals("HEAD")) return;
    sendBody(ctx, file, start, count, watcher);
  }

  /**
   * Writes bytes {@code [start, start + count)} of {@code file} to the response in mapped chunks of
   * {@link #CHUNK}: Jetty hands a mapped buffer to the socket as it is (a gathering write straight
   * from the page cache, no copy into the heap), and the watcher's check runs between chunks, so a
   * revoked grant stops the body within one chunk. A stop or a client that hung up aborts the
   * connection (the client sees a truncated body, never an error document in the middle of it).
   */
  private static void sendBody(Context ctx, Path file, long start, long count, Watcher watcher) throws IOException {
    if (watcher != null) watcher.started(start);
    long sent = 0;
    boolean complete = false;
    try (FileChannel ch = FileChannel.open(file)) {
      ServletOutputStream out = ctx.res().getOutputStream();
      while (sent < count) {
        if (watcher != null) watcher.beforeChunk();
        long n = Math.min(CHUNK, count - sent);
        MappedByteBuffer chunk = ch.map(FileChannel.MapMode.READ_ONLY, start + sent, n);
        write(out, chunk);
        sent += n;
      }
      out.flush();
      complete = true;
    } catch (IOException e) {
      // a stopped transfer or a client gone: close the connection, so the client sees a cut body
      // (Content-Length not reached) and nothing else, such as an error document, is written to it
      ServletContextRequest.getServletContextRequest(ctx.req()).getServletChannel().getEndPoint().close();
    } finally {
      // what the server handed to the connection; a client that hung up early shows as incomplete
      if (watcher != null) watcher.finished(sent, complete);
    }
  }

  private static void write(ServletOutputStream out, ByteBuffer chunk) throws IOException {
    if (out instanceof HttpOutput jetty) {
      jetty.write(chunk);
    } else {
      // another container: copy through a heap buffer
      byte[] buf = new byte[(int) Math.min(chunk.remaining(), 1 << 20)];
      while (chunk.hasRemaining()) {
        int n = Math.min(buf.length, chunk.remaining());
        chunk.get(buf, 0, n);
        out.write(buf, 0, n);
      }
    }
  }

  /** If-None-Match: {@code *} or a list of entity tags, compared weakly (a {@code W/} prefix is ignored). */
  static boolean noneMatches(String header, String etag) {
    if (header == null) return false;
    for (String t : header.split(",")) {
      String tag = t.trim();
      if (tag.startsWith("W/")) tag = tag.substring(2);
      if (tag.equals("*") || tag.equals(etag)) return true;
    }
    return false;
  }

  private static ApiException unsatisfiable(Context ctx, long length, String detail) {
    ctx.header("Content-Range", "bytes */" + length);
    return new ApiException(416, "range_not_satisfiable", detail);
  }
}
