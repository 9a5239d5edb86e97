package org.trainset.refine.textio;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.trainset.core.io.InputException;
import org.trainset.core.model.Item;
import org.trainset.core.spi.DatasetReader;
import org.trainset.core.spi.DatasetWriter;
import org.trainset.core.spi.Format;
import org.trainset.core.spi.FormatDetector;
import org.trainset.core.spi.ItemCursor;
import org.trainset.core.spi.ReadOptions;
import org.trainset.core.spi.ReadPart;

/**
 * Generic sentence TSV (UTF-8): a header line naming the columns, then one sentence per line.
 * Columns: {@code id} plus either {@code text} (monolingual, read as a caption) or
 * {@code source} and {@code target} (a parallel pair; languages {@code ko} → {@code en} unless
 * {@code source_lang}/{@code target_lang} columns say otherwise). Other columns are ignored.
 * Cells escape tab, line breaks and backslash as in {@link Tsv}. See docs/refine.md.
 */
public final class TextTsvFormat implements Format {
  public static final String ID = "text-tsv";

  @Override public String id() { return ID; }
  @Override public String description() { return "sentences as TSV: id + text, or id + source + target (KO-EN pairs)"; }

  @Override public FormatDetector detector() {
    return ctx -> {
      String first = SentenceFiles.firstLine(ctx);
      if (first == null) return FormatDetector.NONE;
      String name = ctx.root().getFileName().toString().toLowerCase(Locale.ROOT);
      if (first.startsWith("\uFEFF")) first = first.substring(1);
      if (!first.contains("\t") || !Columns.parse(first).valid()) return FormatDetector.NONE;
      // The header alone is telling; the extension makes it certain enough to beat generic readers.
      return name.endsWith(".tsv") ? FormatDetector.SPECIFIC : FormatDetector.PLAUSIBLE;
    };
  }

  @Override public Optional<DatasetReader> reader() {
    return Optional.of((root, options) -> SentenceFiles.oneFilePlan(root, options, new Part(root.toString())));
  }

  @Override public Optional<DatasetWriter> writer() {
    return Optional.of((out, schema, options, loss) -> new TextFileSink(out, TextFileSink.Style.TSV, loss));
  }

  /** Column positions from the header. */
  record Columns(int id, int text, int source, int target, int sourceLang, int targetLang) {
    static Columns parse(String header) {
      String[] names = header.split("\t", -1);
      int id = -1, text = -1, source = -1, target = -1, sl = -1, tl = -1;
      for (int i = 0; i < names.length; i++) {
        switch (names[i].strip().toLowerCase(Locale.ROOT)) {
          case "id" -> id = i;
          case "text" -> text = i;
          case "source" -> source = i;
          case "target" -> target = i;
          case "source_lang" -> sl = i;
          case "target_lang" -> tl = i;
          default -> { }
        }
      }
      return new Columns(id, text, source, target, sl, tl);
    }

    boolean valid() {
      return id >= 0 && (text >= 0 || (source >= 0 && target >= 0));
    }
  }

  private record Part(String file) implements ReadPart {
    @Override public String describe() { return file; }

    @Override public long estimatedBytes() {
      try {
        return Files.size(Path.of(file));
      } catch (IOException e) {
        return 0;
      }
    }

    @Override public ItemCursor open(ReadOptions options) throws IOException {
      return new Cursor(options.storage().local(file), options);
    }
  }

  private static final class Cursor implements ItemCursor {
    private final Path file;
    private final BufferedReader in;
    private final Columns cols;
    private final int maxLen;
    private long line = 1;
    private long bytes;

    Cursor(Path file, ReadOptions options) throws IOException {
      this.file = file;
      this.in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
      this.maxLen = options.limits().maxStringLength();
      String header = in.readLine();
      if (header == null) {
        in.close();
        throw new InputException(file, 1, 1, "tsv-header", "empty file: expected a header line (id, text | source, target)");
      }
      if (header.startsWith("\uFEFF")) header = header.substring(1);
      cols = Columns.parse(header);
      if (!cols.valid()) {
        in.close();
        throw new InputException(file, 1, 1, "tsv-header",
            "header must name 'id' and 'text', or 'id', 'source' and 'target'; got: " + header);
      }
      bytes = header.length() + 1;
    }

    @Override public Item next() throws IOException {
      String l;
      while (true) {
        l = in.readLine();
        if (l == null) return null;
        line++;
        bytes += l.length() + 1;
        if (!l.isEmpty()) break;
      }
      if (l.length() > maxLen) throw new InputException(file, line, 1, "line-too-long", "line exceeds " + maxLen + " characters");
      String[] cells = l.split("\t", -1);
      String id = cell(cells, cols.id(), "id");
      if (id.isEmpty()) throw new InputException(file, line, 1, "tsv-id", "empty id");
      if (cols.text() >= 0 && cols.source() < 0) return TextItems.caption(id, cell(cells, cols.text(), "text"));
      String sl = cols.sourceLang() >= 0 ? cell(cells, cols.sourceLang(), "source_lang") : "ko";
      String tl = cols.targetLang() >= 0 ? cell(cells, cols.targetLang(), "target_lang") : "en";
      return TextItems.pair(id, cell(cells, cols.source(), "source"), cell(cells, cols.target(), "target"), sl, tl);
    }

    private String cell(String[] cells, int index, String name) throws InputException {
      if (index >= cells.length) {
        throw new InputException(file, line, -1, "tsv-columns",
            "missing column '" + name + "' (line has " + cells.length + " cells, header says column " + (index + 1) + ")");
      }
      return Tsv.unescape(cells[index]);
    }

    @Override public long bytesRead() { return bytes; }

    @Override public void close() throws IOException { in.close(); }
  }
}
