package org.trainset.families.corpus;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trainset.core.io.InputException;
import org.trainset.core.model.AnnotationMeta;
import org.trainset.core.model.Item;
import org.trainset.core.model.TextPair;
import org.trainset.core.spi.ItemCursor;
import org.trainset.core.issue.Issue;
import org.trainset.core.issue.Severity;
import org.trainset.core.spi.ReadOptions;

/**
 * Turns the rows of one domain's files (in order, every sheet) into sentence-pair items. Dialogue
 * rows get the dialogue they belong to ({@code Set Nr.} + {@code 상황}) and their turn in it;
 * the turn count lives in this cursor, so a dialogue continuing on the next sheet or file keeps
 * counting. Memory: one row plus one counter per dialogue seen.
 */
final class CorpusCursor implements ItemCursor {
  static final String ATTR_DOMAIN = "domain";
  static final String ATTR_DIALOGUE = "dialogue";
  static final String ATTR_TURN = "turn";

  private final List<Path> files;
  private final CorpusDomain domain;
  private final CorpusFlavor flavor;
  private final ReadOptions options;
  private final Map<String, Long> turns = new HashMap<>();
  private String currentDialogue;
  private int fileIndex = -1;
  private RowSource rows;
  private List<String> header;
  private int sourceCol;
  private int targetCol;
  private long ordinal;
  private long done;

  CorpusCursor(List<Path> files, CorpusDomain domain, CorpusFlavor flavor, ReadOptions options) {
    this.files = files;
    this.domain = domain;
    this.flavor = flavor;
    this.options = options;
  }

  @Override public Item next() throws IOException {
    while (true) {
      if (rows == null) {
        if (++fileIndex >= files.size()) return null;
        rows = flavor.open(files.get(fileIndex), options.limits());
      }
      List<Object> values = rows.next();
      if (values == null) {
        rows.close();
        rows = null;
        done += java.nio.file.Files.size(files.get(fileIndex));
        continue;
      }
      if (rows.header() != header) useHeader(rows.header());
      return item(values);
    }
  }

  private void useHeader(List<String> h) throws InputException {
    header = h;
    sourceCol = h.indexOf(CorpusDomain.SOURCE);
    targetCol = h.indexOf(CorpusDomain.TARGET);
    if (sourceCol < 0 || targetCol < 0) {
      throw new InputException(file(), rows.line(), -1, null, "corpus-header",
          rows.position() + ": header needs columns " + CorpusDomain.SOURCE + " and " + CorpusDomain.TARGET
              + ", found " + h, null);
    }
  }

  private Item item(List<Object> values) throws IOException {
    ordinal++;
    Map<String, Object> attrs = new LinkedHashMap<>();
    attrs.put(ATTR_DOMAIN, domain.key());
    for (int i = 0; i < values.size() && i < header.size(); i++) {
      Object v = values.get(i);
      if (v == null || i == sourceCol || i == targetCol || header.get(i).isEmpty()) continue;
      attrs.put(header.get(i), v);
    }
    String id = idOf(attrs);
    if (domain == CorpusDomain.DIALOGUE) addDialogue(attrs, id);
    String source = text(values, sourceCol);
    String target = text(values, targetCol);
    if (source.isBlank() || target.isBlank()) {
      options.problems().report(Issue.at(Severity.WARNING, "corpus-empty-sentence", file().toString(), rows.line(), id, null, rows.position() + ": " + (source.isBlank() ? CorpusDomain.SOURCE : CorpusDomain.TARGET) + " is empty"));
    }
    TextPair pair = new TextPair(AnnotationMeta.of(""), source, target, "ko", "en");
    return new Item(id, null, List.of(), attrs, List.of(pair));
  }

  private String idOf(Map<String, Object> attrs) {
    Object v = domain.idColumn() == null ? null : attrs.get(domain.idColumn());
    return domain.key() + "/" + (v == null ? Long.toString(ordinal) : v.toString());
  }

  private void addDialogue(Map<String, Object> attrs, String id) throws IOException {
    Object set = attrs.get(CorpusDomain.SET_NR);
    Object situation = attrs.get(CorpusDomain.SITUATION);
    if (set == null) {
      options.problems().report(Issue.at(Severity.WARNING, "corpus-dialogue-set", file().toString(), rows.line(), id, null, rows.position() + ": dialogue row without " + CorpusDomain.SET_NR));
      return;
    }
    String key = set + "/" + (situation == null ? "" : situation);
    if (!key.equals(currentDialogue) && turns.containsKey(key)) {
      options.problems().report(Issue.at(Severity.WARNING, "corpus-dialogue-interleaved", file().toString(), rows.line(), id, null, rows.position() + ": dialogue " + key + " resumes after other dialogues"));
    }
    currentDialogue = key;
    long turn = turns.merge(key, 1L, Long::sum);
    attrs.put(ATTR_DIALOGUE, key);
    attrs.put(ATTR_TURN, turn);
  }

  private static String text(List<Object> values, int col) {
    Object v = col < values.size() ? values.get(col) : null;
    return v == null ? "" : v.toString();
  }

  private Path file() {
    return files.get(Math.max(0, Math.min(fileIndex, files.size() - 1)));
  }

  /** Bytes of the files read to the end (xlsx is compressed, so progress moves per file). */
  @Override public long bytesRead() {
    return done;
  }

  @Override public void close() throws IOException {
    if (rows != null) rows.close();
  }
}
