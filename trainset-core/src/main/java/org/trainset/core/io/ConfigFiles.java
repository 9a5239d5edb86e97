package org.trainset.core.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * The one loader for YAML/JSON configuration documents (rule packs, review workflows, MQM
 * settings): {@link ParseLimits} apply to both syntaxes (file size, nesting, string length; YAML
 * aliases are not expanded, so they cannot multiply a document), and syntax errors are {@link InputException}s with line and
 * column. A file is read as JSON when its name ends in {@code .json}, else as YAML.
 */
public final class ConfigFiles {
  /** Configuration documents are small: the default limits with a 4 MiB file size. */
  public static final ParseLimits LIMITS = ParseLimits.DEFAULT.withMaxFileSize(4L << 20);

  private ConfigFiles() {}

  public static boolean isJson(Path file) {
    return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
  }

  /** Reads {@code file} (JSON when named {@code .json}, else YAML) after checking its size. */
  public static JsonNode read(Path file, ParseLimits limits) throws IOException {
    limits.checkFileSize(file);
    return parse(file, Files.readAllBytes(file), !isJson(file), limits);
  }

  /**
   * Reads the configuration {@code file} with {@link #LIMITS} and builds it with {@code build};
   * what {@code build} refuses (an {@link IllegalArgumentException}) is an input error of the file
   * under {@code rule}, so the message names the file as a syntax error would.
   */
  public static <T> T read(Path file, String rule, Function<JsonNode, T> build) throws IOException {
    JsonNode root = read(file, LIMITS);
    try {
      return build.apply(root);
    } catch (IllegalArgumentException e) {
      throw new InputException(file, rule, e.getMessage());
    }
  }

  /** Parses a document read elsewhere (a built-in resource); {@code origin} names it in errors. */
  public static JsonNode parse(Path origin, byte[] bytes, boolean yaml, ParseLimits limits) throws IOException {
    if (bytes.length > limits.maxFileSize()) {
      throw new InputException(origin, "file-too-large", "larger than " + limits.maxFileSize() + " bytes");
    }
    JsonNode root;
    try {
      root = mapper(yaml, limits).readTree(bytes);
    } catch (java.io.CharConversionException e) {
      throw new InputException(origin, "text-encoding", "not valid UTF-8 text");
    } catch (JsonProcessingException e) {
      // SnakeYAML wraps the UTF-8 decoder's error, sometimes only as text
      boolean badText = String.valueOf(e.getOriginalMessage()).contains("CharConversionException");
      for (Throwable c = e.getCause(); c != null; c = c.getCause()) badText |= c instanceof java.io.CharConversionException;
      if (badText) throw new InputException(origin, "text-encoding", "not valid UTF-8 text");
      InputException error = Json.inputError(origin, e);
      if (yaml && "json-syntax".equals(error.rule())) {
        throw new InputException(origin, error.line(), error.column(), null, "yaml-syntax", error.detail(), e);
      }
      throw error;
    }
    // Jackson's YAML parser does not enforce nesting or string limits itself: check the tree.
    if (yaml && root != null) checkTree(origin, root, limits);
    return root;
  }

  private static void checkTree(Path origin, JsonNode root, ParseLimits limits) throws InputException {
    java.util.ArrayDeque<JsonNode> nodes = new java.util.ArrayDeque<>();
    java.util.ArrayDeque<Integer> depths = new java.util.ArrayDeque<>();
    nodes.push(root);
    depths.push(0);
    while (!nodes.isEmpty()) {
      JsonNode n = nodes.pop();
      int depth = depths.pop();
      if (depth > limits.maxNestingDepth()) {
        throw new InputException(origin, "nesting-too-deep", "nested deeper than " + limits.maxNestingDepth()
            + " levels");
      }
      if (n.isTextual() && n.textValue().length() > limits.maxStringLength()) {
        throw new InputException(origin, "string-too-long", "a value is longer than " + limits.maxStringLength()
            + " characters");
      }
      if (n.isContainerNode()) {
        var fields = n.fields();
        while (fields.hasNext()) {
          var e = fields.next();
          if (e.getKey().length() > limits.maxStringLength()) {
            throw new InputException(origin, "string-too-long", "a key is longer than " + limits.maxStringLength() + " characters");
          }
          nodes.push(e.getValue());
          depths.push(depth + 1);
        }
        if (n.isArray()) {
          for (JsonNode c : n) {
            nodes.push(c);
            depths.push(depth + 1);
          }
        }
      }
    }
  }

  /** Parses a built-in resource stream. */
  public static JsonNode parse(Path origin, InputStream in, boolean yaml, ParseLimits limits) throws IOException {
    return parse(origin, in.readAllBytes(), yaml, limits);
  }

  private static ObjectMapper mapper(boolean yaml, ParseLimits limits) {
    if (!yaml) return Json.mapper(limits);
    LoaderOptions loader = new LoaderOptions();
    loader.setNestingDepthLimit(limits.maxNestingDepth());
    loader.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, limits.maxFileSize()));
    JsonFactory factory = YAMLFactory.builder()
        .loaderOptions(loader)
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(limits.maxNestingDepth())
            .maxStringLength(limits.maxStringLength())
            .maxNumberLength(limits.maxNumberLength())
            .build())
        .build();
    return new ObjectMapper(factory);
  }
}
