package org.trainset.core;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.trainset.core.io.InputException;
import org.trainset.core.spi.DetectionContext;
import org.trainset.core.spi.Detection;
import org.trainset.core.spi.DetectionReport;
import org.trainset.core.spi.Format;
import org.trainset.core.spi.FormatDetector;

/** The formats found on the class path, by id, and detection across all of them. */
public final class FormatRegistry {
  private final Map<String, Format> byId;

  public FormatRegistry(Iterable<Format> formats) {
    Map<String, Format> map = new TreeMap<>();
    for (Format f : formats) {
      Format previous = map.put(f.id(), f);
      if (previous != null && previous.getClass() != f.getClass()) {
        throw new IllegalStateException("two formats claim id '" + f.id() + "': "
            + previous.getClass().getName() + " and " + f.getClass().getName());
      }
    }
    this.byId = Collections.unmodifiableMap(map);
  }

  /** Every format registered with {@link ServiceLoader}. */
  public static FormatRegistry load() {
    return new FormatRegistry(ServiceLoader.load(Format.class));
  }

  public List<Format> formats() {
    return List.copyOf(byId.values());
  }

  public Optional<Format> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The format with that id, or an error listing the known ids. */
  public Format require(String id) {
    Format f = byId.get(id);
    if (f == null) {
      throw new UnknownFormatException("unknown format '" + id + "'; known: " + String.join(", ", byId.keySet()));
    }
    return f;
  }

  /** All formats with confidence above zero, most confident first. */
  public List<Detection> detectAll(Path path) throws IOException {
    List<Detection> out = new ArrayList<>();
    for (DetectionReport d : explain(path)) {
      if (d.claims()) out.add(new Detection(d.format(), d.confidence()));
    }
    return out;
  }

  /**
   * Every format's answer for {@code path} with its reasons (evidence seen, reasons for rejecting,
   * files read), most confident first; formats that do not claim the path are included.
   */
  public List<DetectionReport> explain(Path path) throws IOException {
    if (!java.nio.file.Files.exists(path)) {
      throw new InputException(path, "not-found", "no such file or directory");
    }
    DetectionContext ctx = new DetectionContext(path);
    List<DetectionReport> out = new ArrayList<>();
    for (Format f : byId.values()) {
      DetectionContext.Notes notes = ctx.beginNotes();
      double c;
      try {
        c = f.detector().detect(ctx);
      } finally {
        ctx.endNotes();
      }
      List<String> reasons = notes.reasons();
      if (c <= FormatDetector.NONE && reasons.isEmpty() && notes.evidence().isEmpty()) {
        reasons = List.of(notes.filesRead().isEmpty() ? "no file it looks for is there"
            : "the files it read do not look like this format");
      }
      out.add(new DetectionReport(f, c, notes.evidence(), reasons,
          notes.filesRead().stream().map(ctx::name).toList()));
    }
    Collections.sort(out);
    return out;
  }

  /** The most confident format for {@code path}, or an input error when none recognises it. */
  public Format detect(Path path) throws IOException {
    List<Detection> all = detectAll(path);
    if (all.isEmpty()) {
      throw new InputException(path, "unknown-format", "no known dataset format recognises this path");
    }
    return all.get(0).format();
  }
}
