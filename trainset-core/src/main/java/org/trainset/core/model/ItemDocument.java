package org.trainset.core.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.trainset.core.io.InputException;

/**
 * A document attached to an item, shown beside it but not annotated: a radiology or pathology
 * report, a consent form, a protocol sheet. Like {@link MediaRef} it refers to a file under the
 * media root by {@code path}; a format that holds the document's words itself gives them as
 * {@code text} instead. Both are null only where the content is kept elsewhere and {@code info}
 * says where (the server keeps a content hash).
 *
 * @param name      what people see (usually the file name)
 * @param mediaType IANA media type, e.g. {@code text/plain}, {@code application/pdf}
 * @param role      what the document is for the item ({@link #REPORT}, ...), free text
 * @param path      path relative to the media root, '/'-separated, or null
 * @param text      the document's text when held inline, or null
 * @param info      further facts (byte size, content hash, the report's kind)
 */
public record ItemDocument(String name, String mediaType, String role, String path, String text, Map<String, Object> info) {
  /** The role of a report about the item (radiology, pathology). */
  public static final String REPORT = "report";
  /** Inline text longer than this (UTF-8 bytes) is refused: such documents are attached by path. */
  public static final int MAX_INLINE_BYTES = 1 << 20;

  public ItemDocument {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(role, "role");
    if (path != null && text != null) throw new IllegalArgumentException("document '" + name + "': path and text both given");
    info = Attributes.copyOf(info);
  }

  /** A document kept as a file under the media root; the media type follows the file name. */
  public static ItemDocument file(String path, String role, Map<String, Object> info) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    return new ItemDocument(name, mediaTypeOf(name), role, path, null, info);
  }

  /** Whether the document is text people can read in a panel ({@code text/*}). */
  public boolean isText() {
    return mediaType.toLowerCase(Locale.ROOT).startsWith("text/");
  }

  public ItemDocument withPath(String p) {
    return new ItemDocument(name, mediaType, role, p, text, info);
  }

  public ItemDocument withStored(String p, Map<String, Object> newInfo) {
    return new ItemDocument(name, mediaType, role, p, null, newInfo);
  }

  /** The media type of a document file by its extension (text, PDF, else octet-stream). */
  public static String mediaTypeOf(String fileName) {
    String n = fileName.toLowerCase(Locale.ROOT);
    if (n.endsWith(".txt")) return "text/plain";
    if (n.endsWith(".md")) return "text/markdown";
    if (n.endsWith(".csv")) return "text/csv";
    if (n.endsWith(".pdf")) return "application/pdf";
    if (n.endsWith(".rtf")) return "application/rtf";
    if (n.endsWith(".docx")) return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    return "application/octet-stream";
  }

  /**
   * Reads a UTF-8 text file for inline use, refusing files over {@code maxBytes} (checked before
   * and while reading, so a growing file cannot slip through) and bytes that are not UTF-8; errors
   * name the file and the rule.
   */
  public static String readInlineText(Path file, int maxBytes) throws IOException {
    long size = Files.size(file);
    if (size > maxBytes) {
      throw new InputException(file, "document.too-large", "document is " + size + " bytes; inline text is limited to "
          + maxBytes + " bytes");
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(maxBytes + 1);
    }
    if (bytes.length > maxBytes) {
      throw new InputException(file, "document.too-large", "document grew past the inline limit of " + maxBytes + " bytes");
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new InputException(file, "document.encoding", "document text is not UTF-8");
    }
  }
}
