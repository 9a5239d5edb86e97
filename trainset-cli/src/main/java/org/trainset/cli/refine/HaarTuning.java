package org.trainset.cli.refine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.trainset.cli.UsageException;
import org.trainset.refine.deid.HaarCascadeRegions;
import picocli.CommandLine.Option;

/** How the de-identification verbs ({@code deid images}, {@code deid video}) tune their Haar cascades, and the cascades so tuned. */
public final class HaarTuning {
  @Option(names = "--min-neighbors", defaultValue = "5", description = "Haar: detections an object needs (default ${DEFAULT-VALUE}).")
  int minNeighbors;
  @Option(names = "--scale-factor", defaultValue = "1.1", description = "Haar: pyramid scale step (default ${DEFAULT-VALUE}).")
  double scaleFactor;
  @Option(names = "--min-size", defaultValue = "24", description = "Haar: smallest object in pixels (default ${DEFAULT-VALUE}).")
  int minSize;

  /** Refuses tuning OpenCV cannot use, before anything is read. */
  void check() {
    if (scaleFactor <= 1.0 || minNeighbors < 0 || minSize < 1) {
      throw new UsageException("--scale-factor must be > 1, --min-neighbors ≥ 0, --min-size ≥ 1");
    }
  }

  /** The stock cascades named by {@code --haar}, then the cascade files of {@code --cascade} (either may be absent), tuned. */
  List<HaarCascadeRegions> cascades(List<String> stock, List<Path> files) throws IOException {
    List<HaarCascadeRegions> out = new ArrayList<>();
    for (String kind : stock == null ? List.<String>of() : stock) out.add(RefineCli.stockCascade(kind, scaleFactor, minNeighbors, minSize));
    for (Path f : files == null ? List.<Path>of() : files) out.add(HaarCascadeRegions.ofFile(f, scaleFactor, minNeighbors, minSize));
    return out;
  }
}
