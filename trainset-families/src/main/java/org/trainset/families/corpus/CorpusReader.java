package org.trainset.families.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.trainset.core.io.DatasetFolder;
import org.trainset.core.io.InputException;
import org.trainset.core.model.DatasetSchema;
import org.trainset.core.spi.DatasetReader;
import org.trainset.core.spi.ItemCursor;
import org.trainset.core.spi.ProblemSink;
import org.trainset.core.spi.ReadOptions;
import org.trainset.core.spi.ReadPart;
import org.trainset.core.spi.ReadPlan;

/**
 * Plans one part per domain holding that domain's files in release order
 * ({@code 3_문어체_뉴스(1)} before {@code (2)} before {@code (10)}), so a dialogue or a numbering
 * that continues from one file into the next reads as one sequence.
 */
final class CorpusReader implements DatasetReader {
  private final CorpusFlavor flavor;

  CorpusReader(CorpusFlavor flavor) {
    this.flavor = flavor;
  }

  @Override public ReadPlan plan(Path root, ReadOptions options) throws IOException {
    List<Path> files = files(root, flavor, options.problems());
    if (files.isEmpty()) {
      throw new InputException(root, "corpus-empty", "no " + flavor.extension() + " corpus files here");
    }
    Map<CorpusDomain, List<Path>> byDomain = new EnumMap<>(CorpusDomain.class);
    for (Path f : files) {
      CorpusDomain d = CorpusDomain.fromFileName(f.getFileName().toString());
      if (d == null) d = domainFromHeader(f, options);
      byDomain.computeIfAbsent(d, k -> new ArrayList<>()).add(f);
    }
    List<ReadPart> parts = new ArrayList<>();
    for (Map.Entry<CorpusDomain, List<Path>> e : byDomain.entrySet()) {
      List<String> paths = e.getValue().stream().sorted(NATURAL).map(p -> p.toAbsolutePath().toString()).toList();
      long bytes = 0;
      for (Path p : e.getValue()) bytes += Files.size(p);
      parts.add(new DomainPart(e.getKey(), flavor, paths, bytes));
    }
    String name = (Files.isDirectory(root) ? root : root.toAbsolutePath().getParent()).getFileName().toString();
    DatasetSchema schema = new DatasetSchema(name, Map.of("sourceLanguage", "ko", "targetLanguage", "en"),
        List.of(), List.of());
    return new ReadPlan(schema, parts);
  }

  /** The corpus files under {@code root}, in release order; a corpus-file name that is no regular file goes to {@code problems}. */
  static List<Path> files(Path root, CorpusFlavor flavor, ProblemSink problems) throws IOException {
    if (Files.isRegularFile(root)) return isCorpusFile(root, flavor) ? List.of(root) : List.of();
    return DatasetFolder.files(root, 4, p -> isCorpusFile(p, flavor), problems).stream().sorted(NATURAL).toList();
  }

  private static boolean isCorpusFile(Path p, CorpusFlavor flavor) {
    String n = p.getFileName().toString();
    return n.toLowerCase(Locale.ROOT).endsWith(flavor.extension()) && !n.startsWith("~$") && !n.startsWith(".");
  }

  private CorpusDomain domainFromHeader(Path f, ReadOptions options) throws IOException {
    try (RowSource rows = flavor.open(f, options.limits())) {
      rows.next();
      return CorpusDomain.fromHeader(rows.header());
    }
  }

  /** Orders names with embedded numbers numerically: (2) before (10). */
  static final Comparator<Path> NATURAL = (a, b) -> compareNatural(a.toString(), b.toString());

  static int compareNatural(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      char ca = a.charAt(i);
      char cb = b.charAt(j);
      if (Character.isDigit(ca) && Character.isDigit(cb)) {
        int si = i;
        int sj = j;
        while (i < a.length() && Character.isDigit(a.charAt(i))) i++;
        while (j < b.length() && Character.isDigit(b.charAt(j))) j++;
        String na = a.substring(si, i).replaceFirst("^0+(?=.)", "");
        String nb = b.substring(sj, j).replaceFirst("^0+(?=.)", "");
        int c = na.length() != nb.length() ? Integer.compare(na.length(), nb.length()) : na.compareTo(nb);
        if (c != 0) return c;
      } else {
        if (ca != cb) return Character.compare(ca, cb);
        i++;
        j++;
      }
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  /** All files of one domain; holds only paths so it serialises. */
  record DomainPart(CorpusDomain domain, CorpusFlavor flavor, List<String> paths, long bytes) implements ReadPart {
    @Override public String describe() {
      return domain.key() + " (" + paths.size() + " file" + (paths.size() == 1 ? "" : "s") + ")";
    }

    @Override public long estimatedBytes() { return bytes; }

    @Override public ItemCursor open(ReadOptions options) throws java.io.IOException {
      List<Path> files = new java.util.ArrayList<>(paths.size());
      for (String p : paths) files.add(options.storage().local(p));
      return new CorpusCursor(files, domain, flavor, options);
    }
  }
}
