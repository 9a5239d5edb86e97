package org.trainset.formats.yolo;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trainset.core.io.DatasetFolder;
import org.trainset.core.io.InputException;
import org.trainset.core.io.SafePaths;
import org.trainset.core.spi.ProblemSink;

/**
 * Darknet exports (CVAT's "YOLO 1.1"): {@code obj.data} names the class file and one image
 * list per subset, paths prefixed with {@code data/} (the dataset root on the training
 * machine); labels sit beside their images. The loose variant has only {@code obj.names} and
 * {@code labels|Annotations} next to {@code images|Images}, optionally one folder per subset.
 */
final class DarknetLayout {
  private static final List<String> NOT_SUBSETS = List.of("classes", "names", "backup", "eval");

  private DarknetLayout() {}

  static YoloLayout strict(Path root, ProblemSink problems) throws IOException {
    Path objData = root.resolve(YoloFormat.OBJ_DATA);
    Map<String, String> keys = keyValues(objData);
    Path namesFile = SafePaths.resolveInside(root, stripData(keys.getOrDefault("names", YoloFormat.OBJ_NAMES)));
    if (!DatasetFolder.present(namesFile)) namesFile = root.resolve(YoloFormat.OBJ_NAMES);
    List<String> names = names(namesFile);
    List<YoloLayout.Entry> entries = new ArrayList<>();
    for (var e : keys.entrySet()) {
      if (NOT_SUBSETS.contains(e.getKey())) continue;
      String subset = e.getKey();
      Path list = SafePaths.resolveInside(root, stripData(e.getValue()));
      // a subset list that is a dangling symlink or a FIFO is an input error, not "list absent"
      List<String> images = DatasetFolder.present(list) ? imageList(root, list)
          : YoloLayout.images(root, root.resolve("obj_" + subset + "_data"), problems);
      for (String image : images) {
        String base = image.contains("/") ? image.substring(0, image.indexOf('/')) : "";
        entries.add(new YoloLayout.Entry(YoloLayout.idFor(image, subset, base), subset, image,
            YoloLayout.labelFor(image), null));
      }
    }
    return new YoloLayout(names, null, false, entries);
  }

  static YoloLayout loose(Path root, ProblemSink problems) throws IOException {
    Path namesFile = YoloFormat.looseNamesFile(root);
    List<String> names = names(namesFile);
    Path labels = YoloLayout.childIgnoringCase(root, "labels", ProblemSink.FAIL);
    if (labels == null) labels = YoloLayout.childIgnoringCase(root, "annotations", ProblemSink.FAIL);
    Path images = YoloLayout.childIgnoringCase(root, "images", ProblemSink.FAIL);
    if (labels == null || images == null) {
      throw new InputException(root, "yolo-layout", namesFile.getFileName() + " needs a labels/ (or Annotations/) and an images/ folder beside it");
    }
    List<YoloLayout.Entry> entries = new ArrayList<>();
    // images/ holds the images or one folder per subset; an entry that is a dangling symlink or a
    // FIFO is reported (a subset folder or an image gone wrong), not passed over
    List<Path> subsetDirs = DatasetFolder.folders(images, p -> true, ProblemSink.FAIL);
    if (subsetDirs.isEmpty()) {
      addLoose(root, images, labels, null, entries, problems);
    } else {
      for (Path d : subsetDirs) addLoose(root, d, labels.resolve(d.getFileName().toString()), d.getFileName().toString(), entries, problems);
    }
    return new YoloLayout(names, null, false, entries);
  }

  private static void addLoose(Path root, Path imageDir, Path labelDir, String subset, List<YoloLayout.Entry> out,
                               ProblemSink problems)
      throws IOException {
    for (String image : YoloLayout.images(root, imageDir, problems)) {
      String below = SafePaths.relative(imageDir, root.resolve(image));
      String id = YoloLayout.stripExtension(below);
      out.add(new YoloLayout.Entry(id, subset, image, SafePaths.relative(root, labelDir.resolve(id + ".txt")), null));
    }
  }

  /** Class names, one per line; blank lines at the end are ignored. */
  static List<String> names(Path file) throws IOException {
    if (!DatasetFolder.present(file)) throw new InputException(file, "yolo-names", "class names file not found");
    List<String> names = new ArrayList<>(org.trainset.core.io.TextFiles.readAllLines(file).stream().map(String::strip).toList());
    while (!names.isEmpty() && names.get(names.size() - 1).isEmpty()) names.remove(names.size() - 1);
    return names;
  }

  /** {@code key = value} lines of obj.data, in order. */
  private static Map<String, String> keyValues(Path file) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    long lineNo = 0;
    try (BufferedReader in = org.trainset.core.io.TextFiles.newReader(file)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lineNo++;
        String t = line.strip();
        if (t.isEmpty() || t.startsWith("#")) continue;
        int eq = t.indexOf('=');
        if (eq < 0) throw new InputException(file, lineNo, -1, "obj-data", "expected 'key = value', got '" + t + "'");
        out.put(t.substring(0, eq).strip(), t.substring(eq + 1).strip());
      }
    }
    return out;
  }

  /** Image paths listed in a subset file, made root-relative (a leading {@code data/} is the root). */
  static List<String> imageList(Path root, Path list) throws IOException {
    List<String> out = new ArrayList<>();
    for (String line : org.trainset.core.io.TextFiles.readAllLines(list)) {
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("#")) continue;
      out.add(SafePaths.relative(root, SafePaths.resolveInside(root, stripData(t))));
    }
    return out;
  }

  static String stripData(String path) {
    String p = path.replace('\\', '/');
    if (p.startsWith("./")) p = p.substring(2);
    return p.startsWith("data/") ? p.substring(5) : p;
  }
}
