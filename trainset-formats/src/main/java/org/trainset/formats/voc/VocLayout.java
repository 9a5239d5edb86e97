package org.trainset.formats.voc;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trainset.core.io.DatasetFolder;
import org.trainset.core.io.SafePaths;
import org.trainset.core.spi.ProblemSink;

/**
 * Where a VOC dataset's items are: the standard layout ({@code Annotations/} plus
 * {@code ImageSets/<task>/<subset>.txt}) or Roboflow's flat one ({@code [<subset>/]<id>.xml}
 * beside the images). Lists names only; annotation files are parsed later, one per item.
 */
final class VocLayout {
  /** One item to read: its id, subset (or null), annotation file and image folder, relative to root. */
  record Entry(String id, String subset, String xml, String imageDir) implements java.io.Serializable {}

  private VocLayout() {}

  static boolean isStandard(Path root) {
    return Files.isDirectory(root.resolve(VocFormat.ANNOTATIONS));
  }

  /** Items of the standard layout: subset lists first (in task order), then unlisted annotation files. */
  static List<Entry> standard(Path root, Set<String> knownLabels, ProblemSink problems) throws IOException {
    Map<String, String> subsetOf = subsets(root, knownLabels, problems);
    Map<String, String> xmlOf = new LinkedHashMap<>();
    Path ann = root.resolve(VocFormat.ANNOTATIONS);
    {
      for (Path p : DatasetFolder.files(ann, Integer.MAX_VALUE, f -> f.toString().endsWith(".xml"), problems)) {
        String rel = SafePaths.relative(ann, p);
        xmlOf.put(rel.substring(0, rel.length() - 4), SafePaths.relative(root, p));
      }
    }
    List<Entry> out = new ArrayList<>();
    subsetOf.forEach((id, subset) -> out.add(new Entry(id, subset, xmlOf.get(id), VocFormat.IMAGES)));
    xmlOf.forEach((id, xml) -> {
      if (!subsetOf.containsKey(id)) out.add(new Entry(id, null, xml, VocFormat.IMAGES));
    });
    return out;
  }

  /** Roboflow: XML files in the root (no subset) or one folder down (the folder is the subset). */
  static List<Entry> flat(Path root, ProblemSink problems) throws IOException {
    List<Entry> out = new ArrayList<>();
    if (Files.isRegularFile(root)) {
      String name = root.getFileName().toString();
      out.add(new Entry(name.substring(0, name.length() - 4), null, name, ""));
      return out;
    }
    {
      for (Path p : DatasetFolder.files(root, 2, f -> f.toString().endsWith(".xml"), problems)) {
        String rel = SafePaths.relative(root, p);
        int slash = rel.lastIndexOf('/');
        String dir = slash < 0 ? "" : rel.substring(0, slash);
        String stem = rel.substring(slash + 1, rel.length() - 4);
        out.add(new Entry(stem, dir.isEmpty() ? null : dir, rel, dir));
      }
    }
    return out;
  }

  /**
   * id → subset from {@code ImageSets}. Tasks are read in {@link VocFormat#TASKS} order and the
   * first subset that lists an id wins; within a task lists are taken train, val, test, others,
   * and {@code trainval} last because it is the union of train and val. Class-specific lists ({@code cat_train.txt}) are not subsets.
   */
  static Map<String, String> subsets(Path root, Set<String> knownLabels, ProblemSink problems) throws IOException {
    Map<String, String> subsetOf = new LinkedHashMap<>();
    Path sets = root.resolve(VocFormat.IMAGE_SETS);
    if (!Files.isDirectory(sets)) return subsetOf;
    for (String task : VocFormat.TASKS) {
      Path dir = sets.resolve(task);
      if (!Files.isDirectory(dir)) continue;
      // a list that is a dangling symlink or a FIFO is reported (DatasetFolder), never opened
      List<Path> lists = DatasetFolder.files(dir, 1, f -> f.getFileName().toString().endsWith(".txt"), problems);
      Set<String> plain = new LinkedHashSet<>();
      for (Path f : lists) {
        String stem = stem(f);
        if (!stem.contains("_")) plain.add(stem);
      }
      List<Path> subsetLists = lists.stream()
          .filter(f -> !isClassSpecific(stem(f), plain, knownLabels))
          .sorted(Comparator.comparingInt((Path f) -> subsetRank(stem(f))).thenComparing(VocLayout::stem))
          .toList();
      for (Path f : subsetLists) {
        for (String id : ids(f)) subsetOf.putIfAbsent(id, stem(f));
      }
    }
    return subsetOf;
  }

  /** train, val, test, then others; trainval last because it repeats train and val. */
  private static int subsetRank(String subset) {
    return switch (subset) {
      case "train" -> 0;
      case "val", "valid" -> 1;
      case "test" -> 2;
      case "trainval" -> 4;
      default -> 3;
    };
  }

  private static boolean isClassSpecific(String stem, Set<String> plainSubsets, Set<String> knownLabels) {
    int us = stem.lastIndexOf('_');
    if (us <= 0) return false;
    String prefix = stem.substring(0, us);
    String suffix = stem.substring(us + 1);
    return knownLabels.contains(prefix) || VocFormat.DEFAULT_LABELS.contains(prefix)
        || VocFormat.DEFAULT_ACTIONS.contains(prefix) || plainSubsets.contains(suffix);
  }

  /** First token of each non-empty, non-comment line (Layout lists add an object index). */
  private static List<String> ids(Path list) throws IOException {
    List<String> ids = new ArrayList<>();
    try (BufferedReader in = org.trainset.core.io.TextFiles.newReader(list)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String t = line.strip();
        if (t.isEmpty() || t.startsWith("#")) continue;
        int sp = indexOfSpace(t);
        ids.add(sp < 0 ? t : t.substring(0, sp));
      }
    }
    return ids;
  }

  private static int indexOfSpace(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isWhitespace(s.charAt(i))) return i;
    }
    return -1;
  }

  static String stem(Path f) {
    String n = f.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return dot < 0 ? n : n.substring(0, dot);
  }
}
