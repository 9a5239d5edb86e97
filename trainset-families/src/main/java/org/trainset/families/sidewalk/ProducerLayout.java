package org.trainset.families.sidewalk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.trainset.core.io.InputException;
import org.trainset.core.spi.ProblemSink;
import org.trainset.core.spi.ReadPart;

/**
 * The producer's sample layout: {@code Sample Data/output/} (CVAT XML per image, calibration
 * {@code .conf} per depth set) beside {@code Sample Data/rawdata/} (images, surface masks, depth
 * files). The input may be the folder holding {@code Sample Data}, {@code Sample Data} itself, or
 * its {@code output}/{@code rawdata} folder. Ids and media paths are relative to {@code Sample Data}.
 */
final class ProducerLayout {
  static final String OUTPUT = "output";
  static final String RAWDATA = "rawdata";

  private ProducerLayout() {}

  /** The folder holding {@code output/} and {@code rawdata/}, or null when {@code root} is not this layout. */
  static Path base(Path root) {
    Path dir = root.toAbsolutePath().normalize();
    for (Path candidate : new Path[] {dir, dir.resolve("Sample Data"), dir.getParent()}) {
      if (candidate != null && Files.isDirectory(candidate.resolve(OUTPUT)) && Files.isDirectory(candidate.resolve(RAWDATA))
          && (candidate != dir.getParent() || List.of(OUTPUT, RAWDATA).contains(dir.getFileName().toString()))) {
        return candidate;
      }
    }
    return null;
  }

  /** One part per annotated kind (its XMLs) and one for the depth sets; odd entries go to {@code problems}. */
  static List<ReadPart> parts(Path base, ProblemSink problems) throws IOException {
    Map<SidewalkFolder, List<String>> xmls = new TreeMap<>();
    boolean depth = false;
    for (Path f : SidewalkFolder.files(base.resolve(OUTPUT), "", problems)) {
      ProducerNames n = ProducerNames.parse(f.getFileName().toString());
      if (n == null) continue;
      if (n.folder() == SidewalkFolder.DEPTH) depth = true;
      else if (n.ext().equals("xml")) xmls.computeIfAbsent(n.folder(), k -> new ArrayList<>()).add(f.getFileName().toString());
    }
    for (Path f : SidewalkFolder.files(base.resolve(RAWDATA), "", problems)) {
      ProducerNames n = ProducerNames.parse(f.getFileName().toString());
      if (n != null && n.folder() == SidewalkFolder.DEPTH) depth = true;
    }
    List<ReadPart> parts = new ArrayList<>();
    xmls.forEach((kind, files) -> parts.add(new ProducerPart(base.toString(), kind, List.copyOf(files))));
    if (depth) parts.add(new ProducerDepthPart(base.toString()));
    if (parts.isEmpty()) {
      throw new InputException(base, "sidewalk-layout", "output/ and rawdata/ hold no Sidewalk_<task>_<kind>_<role>_"
          + "<NNNNNN>_<k> files (the producer's naming)");
    }
    return parts;
  }
}
