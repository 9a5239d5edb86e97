package org.trainset.server.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trainset.server.ApiException;

/**
 * Sends a stored file from an authorised route, per RFC 9110: strong ETag (the file's SHA-256),
 * one byte range on GET ({@code Range: bytes=a-b}, {@code a-}, {@code -n}; other forms are ignored
 * and the whole file sent), {@code If-Range} (a range only while the ETag still matches, strong
 * comparison), {@code If-None-Match} (304, weak comparison, lists and {@code *}), 416 with
 * {@code bytes *}{@code /LEN} for ranges outside the file, and HEAD (headers only).
 */
public final class RangeResponder {
  private static final Pattern RANGE = Pattern.compile("(?i)bytes=(\\d{0,18})-(\\d{0,18})");

  private RangeResponder() {}

  /**
   * Hooks of a watched transfer (release downloads): {@link #beforeChunk} runs before every
   * chunk of the body and stops the transfer by throwing (a revoked grant); {@link #started}
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
    FileChannel ch = FileChannel.open(file);
    ch.position(start);
    if (watcher != null) watcher.started(start);
    InputStream in = new java.io.FilterInputStream(Channels.newInputStream(ch)) {
      private long left = count;
      private boolean closed;

      @Override public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override public int read(byte[] b, int off, int len) throws IOException {
        if (left <= 0) return -1;
        if (watcher != null) watcher.beforeChunk();
        int n = super.read(b, off, (int) Math.min(len, left));
        if (n > 0) left -= n;
        return n;
      }

      @Override public void close() throws IOException {
        super.close();
        if (closed) return;
        closed = true;
        // what the server handed to the connection; a client that hung up early shows as incomplete
        if (watcher != null) watcher.finished(count - left, left == 0);
      }
    };
    ctx.result(in);
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
