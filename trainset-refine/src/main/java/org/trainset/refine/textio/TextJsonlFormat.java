package org.trainset.refine.textio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.trainset.core.io.InputException;
import org.trainset.core.io.JsonLines;
import org.trainset.core.io.Json;
import org.trainset.core.model.Item;
import org.trainset.core.spi.DatasetReader;
import org.trainset.core.spi.DatasetWriter;
import org.trainset.core.spi.Format;
import org.trainset.core.spi.FormatDetector;
import org.trainset.core.spi.ItemCursor;
import org.trainset.core.spi.ReadOptions;
import org.trainset.core.spi.ReadPart;

/**
 * Generic sentence JSON Lines (UTF-8), one object per line: {@code {"id","text"}} (monolingual),
 * {@code {"id","ko","en"}} (a KO→EN pair) or {@code {"id","source","target"[,"source_lang","target_lang"]}}.
 * A numeric id is read as its decimal text. See docs/refine.md.
 */
public final class TextJsonlFormat implements Format {
  public static final String ID = "text-jsonl";

  @Override public String id() { return ID; }
  @Override public String description() { return "sentences as JSON Lines: {id,text}, {id,ko,en} or {id,source,target}"; }

  @Override public FormatDetector detector() {
    return ctx -> {
      String first = SentenceFiles.firstLine(ctx);
      if (first == null) return FormatDetector.NONE;
      String name = ctx.root().getFileName().toString().toLowerCase(Locale.ROOT);
      boolean textish = first.startsWith("{") && first.contains("\"id\"")
          && (first.contains("\"text\"") || first.contains("\"ko\"") || first.contains("\"source\""));
      if (!textish) return FormatDetector.NONE;
      return name.endsWith(".jsonl") || name.endsWith(".ndjson") ? FormatDetector.PLAUSIBLE : FormatDetector.GENERIC;
    };
  }

  @Override public Optional<DatasetReader> reader() {
    return Optional.of((root, options) -> SentenceFiles.oneFilePlan(root, options, new Part(root.toString())));
  }

  @Override public Optional<DatasetWriter> writer() {
    return Optional.of((out, schema, options, loss) -> new TextFileSink(out, TextFileSink.Style.JSONL, loss));
  }

  private record Part(String file) implements ReadPart {
    @Override public String describe() { return file; }

    @Override public ItemCursor open(ReadOptions options) throws IOException {
      return new Cursor(options.storage().local(file), options);
    }
  }

  private static final class Cursor implements ItemCursor {
    private final Path file;
    private final JsonLines.Reader in;
    private long line;

    Cursor(Path file, ReadOptions options) throws IOException {
      this.file = file;
      this.in = JsonLines.open(file, options.limits());
    }

    @Override public Item next() throws IOException {
      JsonNode n = in.next();
      if (n == null) return null;
      line = in.line();
      if (!n.isObject()) throw new InputException(file, line, 1, "jsonl-object", "each line must be a JSON object");
      String id = text(n, "id", true);
      if (n.has("text")) return TextItems.caption(id, text(n, "text", true));
      if (n.has("ko") || n.has("en")) return TextItems.pair(id, text(n, "ko", true), text(n, "en", true), "ko", "en");
      if (n.has("source")) {
        String sl = n.has("source_lang") ? text(n, "source_lang", true) : "ko";
        String tl = n.has("target_lang") ? text(n, "target_lang", true) : "en";
        return TextItems.pair(id, text(n, "source", true), text(n, "target", true), sl, tl);
      }
      throw new InputException(file, line, 1, "jsonl-fields", "object needs 'text', 'ko'/'en' or 'source'/'target'");
    }

    private String text(JsonNode n, String field, boolean required) throws InputException {
      JsonNode v = n.get(field);
      if (v == null || v.isNull()) {
        if (required) throw new InputException(file, line, 1, "jsonl-fields", "missing field '" + field + "'");
        return "";
      }
      if (!v.isTextual() && !v.isNumber()) {
        throw new InputException(file, line, 1, "jsonl-fields", "field '" + field + "' must be a string");
      }
      return v.asText();
    }

    @Override public long bytesRead() { return in.charsRead(); }

    @Override public void close() throws IOException { in.close(); }
  }
}
