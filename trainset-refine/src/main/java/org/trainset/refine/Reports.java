package org.trainset.refine;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.trainset.core.io.AtomicOutput;

/** Machine-readable reports: pretty JSON written atomically (whole or not at all). */
public final class Reports {
  private static final JsonFactory JSON = new JsonFactory();

  private Reports() {}

  @FunctionalInterface
  public interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  public static void writeJson(Path file, Body body) throws IOException {
    AtomicOutput.writeFile(file, os -> {
      try (JsonGenerator g = JSON.createGenerator(os, JsonEncoding.UTF8).useDefaultPrettyPrinter()) {
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        body.write(g);
      }
    });
  }

  /**
   * The default report location: {@code <out>/<name>} inside an output folder, so the report
   * travels with the output it describes (it is written once the output is complete); beside a
   * single-file output ({@code corpus.tsv} gets {@code corpus.tsv.<name>}), which has no inside.
   * A single-file output is one that exists as a file or whose name has an extension.
   */
  public static Path inside(Path out, String name) {
    Path abs = out.toAbsolutePath().normalize();
    String file = abs.getFileName().toString();
    boolean singleFile = Files.isRegularFile(abs) || (!Files.isDirectory(abs) && file.lastIndexOf('.') > 0);
    return singleFile ? abs.resolveSibling(file + "." + name) : abs.resolve(name);
  }
}
