package org.trainset.formats.trainset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.trainset.core.spi.DetectionContext;
import org.trainset.core.spi.FormatDetector;

/** A folder (or its dataset.json) whose schema file carries the trainset marker. */
final class TrainsetDetector implements FormatDetector {
  @Override public double detect(DetectionContext ctx) throws IOException {
    Path schema = ctx.isDirectory() ? ctx.root().resolve(TrainsetFormat.SCHEMA_FILE) : ctx.root();
    if (!Files.isRegularFile(schema) || !schema.getFileName().toString().equals(TrainsetFormat.SCHEMA_FILE)) {
      ctx.rejected("no " + TrainsetFormat.SCHEMA_FILE);
      return NONE;
    }
    if (ctx.headText(schema).contains("\"" + TrainsetFormat.MARKER + "\"")) {
      ctx.saw(TrainsetFormat.SCHEMA_FILE + " carries the \"" + TrainsetFormat.MARKER + "\" marker");
      return CERTAIN;
    }
    ctx.rejected(TrainsetFormat.SCHEMA_FILE + " without the \"" + TrainsetFormat.MARKER + "\" marker");
    return NONE;
  }
}
