package org.trainset.families.jsonfiles;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.trainset.core.io.DatasetFolder;
import org.trainset.core.io.InputException;
import org.trainset.core.io.Json;
import org.trainset.core.io.ParseLimits;
import org.trainset.core.spi.ProblemSink;

/**
 * Helpers for the families that keep one small JSON document per item (objects, motion,
 * multimodal): finding the documents folder by folder, reading one as a tree with positions in
 * syntax errors, and naming a bad field by its JSON pointer.
 */
public final class JsonFiles {
  private JsonFiles() {}

  /**
   * JSON files under {@code root} grouped by folder (sorted), skipping hidden files and folders;
   * a {@code .json} name that is a dangling symlink, a FIFO or another non-file goes to
   * {@code problems} ({@link DatasetFolder}). Other files are the media beside the documents.
   */
  public static Map<Path, List<Path>> byFolder(Path root, int maxDepth, ProblemSink problems) throws IOException {
    Map<Path, List<Path>> out = new TreeMap<>();
    if (Files.isRegularFile(root)) {
      out.put(root.toAbsolutePath().getParent(), List.of(root.toAbsolutePath()));
      return out;
    }
    for (Path p : DatasetFolder.files(root, maxDepth, f -> isJson(f) && !hidden(root, f), problems)) {
      out.computeIfAbsent(p.toAbsolutePath().getParent(), k -> new ArrayList<>()).add(p.toAbsolutePath());
    }
    return out;
  }

  public static boolean isJson(Path p) {
    return p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
  }

  private static boolean hidden(Path root, Path p) {
    for (Path part : root.relativize(p)) {
      if (part.toString().startsWith(".")) return true;
    }
    return false;
  }

  /** The JSON files directly in {@code folder}, sorted; odd entries go to {@code problems} ({@link DatasetFolder}). */
  public static List<Path> listJson(Path folder, ProblemSink problems) throws IOException {
    return DatasetFolder.files(folder, 1, p -> isJson(p) && !p.getFileName().toString().startsWith("."), problems);
  }

  /** Reads one document; a syntax error names the file, line and column. */
  public static JsonNode read(Path file, ParseLimits limits) throws IOException {
    try (JsonParser p = Json.open(file, limits)) {
      JsonNode n = Json.mapper(limits).readTree(p);
      if (n == null || !n.isObject()) {
        throw new InputException(file, 1, 1, "json-not-object", "the document must be a JSON object");
      }
      if (p.nextToken() != null) throw Json.inputError(file, p, "json-trailing", "content after the document");
      return n;
    } catch (JsonProcessingException e) {
      throw Json.inputError(file, e);
    }
  }

  /** An error about the value at JSON pointer {@code pointer} of {@code file}. */
  public static InputException bad(Path file, String pointer, String rule, String detail) {
    return new InputException(file, -1, -1, null, rule, "at " + pointer + ": " + detail, null);
  }

  /** A required number at {@code pointer}. */
  public static double number(Path file, JsonNode n, String pointer) throws InputException {
    if (n == null || !n.isNumber()) {
      throw bad(file, pointer, "expected-number", "expected a number, found " + describe(n));
    }
    return n.doubleValue();
  }

  /** A required array of {@code size} numbers (size &lt; 0: any) at {@code pointer}. */
  public static double[] numbers(Path file, JsonNode n, String pointer, int size) throws InputException {
    if (n == null || !n.isArray() || (size >= 0 && n.size() != size)) {
      throw bad(file, pointer, "expected-numbers",
          "expected an array of " + (size < 0 ? "" : size + " ") + "numbers, found " + describe(n));
    }
    double[] out = new double[n.size()];
    for (int i = 0; i < out.length; i++) out[i] = number(file, n.get(i), pointer + "/" + i);
    return out;
  }

  /** A required text field. */
  public static String text(Path file, JsonNode parent, String field, String pointer) throws InputException {
    JsonNode n = parent.get(field);
    if (n == null || !n.isTextual()) {
      throw bad(file, pointer + "/" + field, "expected-text", "expected a string, found " + describe(n));
    }
    return n.textValue();
  }

  public static String describe(JsonNode n) {
    if (n == null || n.isMissingNode()) return "nothing";
    String s = n.toString();
    return s.length() > 40 ? s.substring(0, 40) + "..." : s;
  }
}
