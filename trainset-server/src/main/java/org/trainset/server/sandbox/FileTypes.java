package org.trainset.server.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.trainset.server.Ids;

/**
 * What a file is, from its bytes (never its name): the allowlist of what may leave the sandbox is
 * plain text (including CSV and JSON), PNG and JPEG images (compared with the dataset's images),
 * NumPy arrays, and ZIP archives (each member checked as a file of its own, so {@code .npz} works).
 */
final class FileTypes {
  static final int HEAD = 16;

  private FileTypes() {}

  static byte[] head(Path f) throws IOException {
    try (InputStream in = Files.newInputStream(f)) {
      return in.readNBytes(HEAD);
    }
  }

  static boolean isImage(byte[] b) {
    return isPng(b) || isJpeg(b) || starts(b, "GIF8") || starts(b, "BM") || isWebp(b)
        || starts(b, new byte[] {'I', 'I', 42, 0}) || starts(b, new byte[] {'M', 'M', 0, 42});
  }

  static boolean isPng(byte[] b) {
    return starts(b, new byte[] {(byte) 0x89, 'P', 'N', 'G'});
  }

  static boolean isJpeg(byte[] b) {
    return starts(b, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});
  }

  static boolean isZip(byte[] b) {
    return starts(b, new byte[] {'P', 'K', 3, 4}) || starts(b, new byte[] {'P', 'K', 5, 6});
  }

  private static boolean isWebp(byte[] b) {
    return starts(b, "RIFF") && b.length >= 12 && new String(b, 8, 4, StandardCharsets.ISO_8859_1).equals("WEBP");
  }

  /**
   * The type of a whole file's bytes: {@code png}, {@code jpeg}, {@code zip}, {@code npy},
   * {@code json}, {@code csv}, {@code text}, or {@code other:<what>} for anything not allowed.
   */
  static String of(byte[] all) {
    byte[] b = Arrays.copyOf(all, Math.min(all.length, HEAD));
    if (isPng(b)) return "png";
    if (isJpeg(b)) return "jpeg";
    if (isZip(b)) return "zip";
    if (starts(b, new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'})) return "npy";
    if (isImage(b)) return "other:image";
    if (starts(b, new byte[] {0x7F, 'E', 'L', 'F'})) return "other:executable";
    if (starts(b, "%PDF")) return "other:pdf";
    if (starts(b, new byte[] {0x1F, (byte) 0x8B})) return "other:gzip";
    if (b.length > 0 && (b[0] & 0xFF) == 0x80) return "other:pickle";
    String text = text(all);
    if (text == null) return "other:binary";
    String t = text.strip();
    if ((t.startsWith("{") || t.startsWith("[")) && isJson(t)) return "json";
    if (t.lines().limit(2).allMatch(l -> l.contains(",")) && t.contains("\n")) return "csv";
    return "text";
  }

  /** The bytes as UTF-8 text, or null when they are not text (invalid UTF-8, NUL or other control bytes). */
  static String text(byte[] all) {
    try {
      String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(all)).toString();
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') return null;
      }
      return s;
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static boolean isJson(String t) {
    try {
      new com.fasterxml.jackson.databind.ObjectMapper().readTree(t);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  static String sha256(Path f) throws IOException {
    var md = Ids.sha256();
    try (InputStream in = Files.newInputStream(f)) {
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
    }
    return java.util.HexFormat.of().formatHex(md.digest());
  }

  private static boolean starts(byte[] b, String s) {
    return starts(b, s.getBytes(StandardCharsets.ISO_8859_1));
  }

  private static boolean starts(byte[] b, byte[] prefix) {
    if (b.length < prefix.length) return false;
    for (int i = 0; i < prefix.length; i++) if (b[i] != prefix[i]) return false;
    return true;
  }
}
