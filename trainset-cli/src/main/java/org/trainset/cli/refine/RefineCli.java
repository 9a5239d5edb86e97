package org.trainset.cli.refine;

import org.trainset.formats.trainset.TrainsetFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.trainset.cli.DatasetInput;
import org.trainset.cli.UsageException;
import org.trainset.core.spi.Format;

/** What the refine verbs share: choosing the output format and turning bad settings into usage errors. */
final class RefineCli {
  private RefineCli() {}

  /** {@code --to} when given, else the input's own format when it can be written, else the native format. */
  static Format outputFormat(Format input, String to) {
    if (to != null) {
      Format f = DatasetInput.registry().require(to);
      if (f.writer().isEmpty()) throw new UsageException("format '" + to + "' cannot be written");
      return f;
    }
    return input.writer().isPresent() ? input : DatasetInput.registry().require(TrainsetFormat.ID);
  }

  /** Builds settings, reporting an invalid value as a usage error (exit 2). */
  static <T> T settings(Supplier<T> build) {
    try {
      return build.get();
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /** A stock Haar cascade ({@code --haar face|plate}); an unknown kind is a usage error. */
  static org.trainset.refine.deid.HaarCascadeRegions stockCascade(String kind, double scaleFactor, int minNeighbors,
                                                                  int minSize) throws IOException {
    try {
      return org.trainset.refine.deid.HaarCascadeRegions.stock(kind, scaleFactor, minNeighbors, minSize);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--haar: " + e.getMessage());
    }
  }

  static void refuseSame(Path in, Path out) throws IOException {
    if (in.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) {
      throw new UsageException("--out must differ from the input: originals are never changed");
    }
  }
}
