package org.trainset.refine;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
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

  /** {@code <out>.<suffix>} next to {@code out}, the default report location. */
  public static Path besides(Path out, String suffix) {
    Path abs = out.toAbsolutePath().normalize();
    return abs.resolveSibling(abs.getFileName() + "." + suffix);
  }
}
