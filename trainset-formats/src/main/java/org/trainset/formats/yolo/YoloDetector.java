package org.trainset.formats.yolo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.trainset.core.spi.DetectionContext;
import org.trainset.core.spi.FormatDetector;
import org.trainset.core.spi.ProblemSink;

/**
 * {@link #SPECIFIC} for {@code data.yaml} (or another root-level dataset yaml) with {@code names:},
 * or {@code obj.data}; a little less
 * for {@code obj.names} beside label text files. Ultralytics classification trees
 * ({@code train|val|test/<class>/<image>}, images only) get {@link #CLASSIFICATION}: above a
 * plain image folder ({@link #GENERIC}) but below any format with its own markers. Any other
 * folder of images is not claimed at all.
 */
final class YoloDetector implements FormatDetector {
  static final double LOOSE = 0.75;
  static final double CLASSIFICATION = 0.3;

  @Override public double detect(DetectionContext ctx) throws IOException {
    if (!ctx.isDirectory()) {
      ctx.rejected("not a folder");
      return NONE;
    }
    Path root = ctx.root();
    // detection passes over odd entries (never opening them); reading the dataset reports them
    ProblemSink ignore = issue -> { };
    Path yaml = YoloLayout.datasetYaml(root, ignore);
    if (yaml != null) {
      if (ctx.headText(yaml).contains("names")) {
        ctx.saw(ctx.name(yaml) + " with names:");
        return SPECIFIC;
      }
      ctx.rejected(ctx.name(yaml) + " has no names:");
    }
    if (Files.isRegularFile(root.resolve(YoloFormat.OBJ_DATA))) {
      ctx.saw(YoloFormat.OBJ_DATA);
      return SPECIFIC;
    }
    if (Files.isRegularFile(root.resolve(YoloFormat.OBJ_NAMES))) {
      boolean labels = ctx.filesEndingWith(".txt").stream()
          .anyMatch(p -> !p.getParent().equals(root) && !p.getFileName().toString().equalsIgnoreCase("README.txt"));
      if (labels) ctx.saw(YoloFormat.OBJ_NAMES + " beside label .txt files");
      else ctx.rejected(YoloFormat.OBJ_NAMES + " but no label .txt files in subfolders");
      return labels ? LOOSE : NONE;
    }
    // classes.txt is a common name, so it counts only with the images/ + labels/ pair beside it
    // (Label Studio's export); then it outranks a plain media folder.
    if (Files.isRegularFile(root.resolve(YoloFormat.CLASSES_TXT))
        && YoloLayout.childIgnoringCase(root, "images", ignore) != null && YoloLayout.childIgnoringCase(root, "labels", ignore) != null) {
      Path labels = YoloLayout.childIgnoringCase(root, "labels", ignore);
      boolean labelFiles = ctx.filesEndingWith(".txt").stream().anyMatch(p -> p.startsWith(labels));
      if (labelFiles) ctx.saw(YoloFormat.CLASSES_TXT + " with images/ and labels/ holding .txt files");
      else ctx.rejected(YoloFormat.CLASSES_TXT + " with images/ and labels/, but no label .txt files");
      return labelFiles ? LOOSE : NONE;
    }
    if (isClassificationTree(ctx)) {
      ctx.saw("only images, as " + String.join("|", new java.util.TreeSet<>(YoloFormat.CLASSIFICATION_SUBSETS)) + "/<class>/<image> (a classification tree)");
      return CLASSIFICATION;
    }
    ctx.rejected("no dataset yaml with names:, " + YoloFormat.OBJ_DATA + ", " + YoloFormat.OBJ_NAMES + " or "
        + YoloFormat.CLASSES_TXT + " with images/ and labels/, and not a classification tree");
    return NONE;
  }

  private static boolean isClassificationTree(DetectionContext ctx) throws IOException {
    List<Path> files = ctx.files();
    if (files.isEmpty()) return false;
    for (Path f : files) {
      Path rel = ctx.root().relativize(f);
      if (rel.getNameCount() != 3 || !YoloFormat.isImage(f.getFileName().toString())
          || !YoloFormat.CLASSIFICATION_SUBSETS.contains(rel.getName(0).toString())) {
        return false;
      }
    }
    return true;
  }
}
