package org.trainset.formats.yolo;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.trainset.core.io.ConfigFiles;
import org.trainset.core.io.DatasetFolder;
import org.trainset.core.io.InputException;
import org.trainset.core.io.ParseLimits;
import org.trainset.core.spi.ProblemSink;
import org.trainset.core.io.SafePaths;

/**
 * Ultralytics {@code data.yaml}: {@code names} as a list or an index→name map, optional
 * {@code path}, and one key per subset whose value is an image folder, a text file listing
 * images, an image, or a list of those. Paths that do not exist as written (Roboflow's
 * {@code ../train/images}, absolute paths from the author's machine) fall back to the
 * conventional {@code <subset>/images} and {@code images/<subset>} folders under the root.
 */
final class UltralyticsLayout {
  private UltralyticsLayout() {}

  static YoloLayout read(Path root0, Path yaml, ParseLimits limits, ProblemSink problems) throws IOException {
    Path root = root0.toAbsolutePath().normalize();
    // the one config loader: parse limits (size, nesting, string length) apply to data.yaml too
    JsonNode doc = ConfigFiles.read(yaml, limits.withMaxFileSize(Math.min(limits.maxFileSize(), ConfigFiles.LIMITS.maxFileSize())));
    if (doc == null || !doc.isObject()) throw new InputException(yaml, "data-yaml", "data.yaml is not a mapping");
    List<String> names = names(yaml, doc.get("names"));
    int[] kpt = kptShape(yaml, doc.get("kpt_shape"));
    boolean obb = YoloFormat.TASK_OBB.equals(doc.path(YoloFormat.TASK_KEY).asText(""));
    Path base = base(root, doc.path("path").asText(""));
    List<YoloLayout.Entry> entries = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = doc.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      if (YoloFormat.YAML_RESERVED.contains(f.getKey())) continue;
      JsonNode v = f.getValue();
      if (!v.isTextual() && !v.isArray()) continue;
      List<String> images = new ArrayList<>();
      for (JsonNode one : v.isArray() ? v : List.of(v)) {
        images.addAll(imagesOf(root, base, f.getKey(), one.asText(), yaml, problems));
      }
      for (String image : images) {
        // train: and val: may list the same folder (a dataset without a validation split): one item.
        if (!seen.add(image)) continue;
        entries.add(new YoloLayout.Entry(YoloLayout.idFor(image, f.getKey(), null), f.getKey(), image,
            YoloLayout.labelFor(image), null));
      }
    }
    return new YoloLayout(names, kpt, obb, entries);
  }

  /** {@code path:} when it names a folder inside the dataset, else the root itself. */
  private static Path base(Path root, String path) {
    if (path.isEmpty()) return root;
    try {
      Path p = root.resolve(path).toAbsolutePath().normalize();
      return Files.isDirectory(p) && p.startsWith(root) ? p : root;
    } catch (RuntimeException e) {
      return root;
    }
  }

  private static List<String> imagesOf(Path root, Path base, String subset, String value, Path yaml, ProblemSink problems)
      throws IOException {
    Path p = existing(root, base, value);
    if (p != null && Files.isDirectory(p)) return YoloLayout.images(root, p, problems);
    // a list or image named here that is a dangling symlink or a FIFO is an input error (never opened)
    if (p != null && !DatasetFolder.present(p)) p = null;
    if (p != null && p.getFileName().toString().endsWith(".txt")) return DarknetLayout.imageList(root, p);
    if (p != null && YoloFormat.isImage(p.getFileName().toString())) return List.of(SafePaths.relative(root, p));
    for (String alias : subset.equals("val") ? List.of("val", "valid") : subset.equals("valid") ? List.of("valid", "val") : List.of(subset)) {
      for (String conventional : List.of(alias + "/images", "images/" + alias)) {
        if (Files.isDirectory(root.resolve(conventional))) return YoloLayout.images(root, root.resolve(conventional), problems);
      }
    }
    throw new InputException(yaml, "yolo-subset", subset + ": '" + value + "' not found under " + root);
  }

  /** {@code value} resolved inside the dataset, trying it as written, then without leading ../ and data/. */
  private static Path existing(Path root, Path base, String value) {
    String v = value.replace('\\', '/');
    List<String> tries = new ArrayList<>(List.of(v));
    String stripped = v;
    while (stripped.startsWith("../") || stripped.startsWith("./")) stripped = stripped.substring(stripped.indexOf('/') + 1);
    tries.add(stripped);
    tries.add(DarknetLayout.stripData(stripped));
    for (String t : tries) {
      for (Path b : List.of(base, root)) {
        try {
          Path p = SafePaths.resolveInside(b, t);
          if (p.startsWith(root) && Files.exists(p, LinkOption.NOFOLLOW_LINKS)) return p;
        } catch (IOException | RuntimeException e) {
          // outside the dataset or not a path: try the next reading
        }
      }
    }
    return null;
  }

  private static List<String> names(Path yaml, JsonNode node) throws InputException {
    if (node == null || node.isNull()) throw new InputException(yaml, "data-yaml", "no 'names'");
    List<String> out = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(n -> out.add(n.asText()));
      return out;
    }
    if (!node.isObject()) throw new InputException(yaml, "data-yaml", "'names' must be a list or a map of index: name");
    TreeMap<Integer, String> byIndex = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      var e = it.next();
      try {
        byIndex.put(Integer.parseInt(e.getKey().strip()), e.getValue().asText());
      } catch (NumberFormatException ex) {
        throw new InputException(yaml, "data-yaml", "'names' key '" + e.getKey() + "' is not a class index");
      }
    }
    for (var e : byIndex.entrySet()) {
      if (e.getKey() != out.size()) {
        throw new InputException(yaml, "data-yaml", "'names' indices must run 0..n-1 without gaps; missing " + out.size());
      }
      out.add(e.getValue());
    }
    return out;
  }

  private static int[] kptShape(Path yaml, JsonNode node) throws InputException {
    if (node == null || node.isNull()) return null;
    if (!node.isArray() || node.size() != 2 || !node.get(0).canConvertToInt() || !node.get(1).isInt()
        || node.get(0).asInt() < 1 || (node.get(1).asInt() != 2 && node.get(1).asInt() != 3)) {
      throw new InputException(yaml, "data-yaml", "kpt_shape must be [points, 2 or 3], got " + node);
    }
    return new int[] {node.get(0).asInt(), node.get(1).asInt()};
  }
}
