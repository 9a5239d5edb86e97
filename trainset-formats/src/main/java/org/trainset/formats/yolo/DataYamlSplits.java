package org.trainset.formats.yolo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.trainset.core.convert.LossReport;

/**
 * The {@code train:}, {@code val:} and {@code test:} keys of a written {@code data.yaml}.
 * Ultralytics' dataset check refuses a file without both {@code train} and {@code val}, and knows
 * no other subset keys, so every subset folder is listed under one of the three: by its name
 * (train/training, val/valid/validation, test/testing, any case), anything else under
 * {@code train}. Without a validation subset {@code val} lists the training folders (and the
 * other way round); both are reported. Folders keep the subsets' own names, so nothing collides.
 */
final class DataYamlSplits {
  private DataYamlSplits() {}

  static final String TRAIN = "train";
  static final String VAL = "val";
  static final String TEST = "test";

  private static final Set<String> TRAIN_NAMES = Set.of("train", "training");
  private static final Set<String> VAL_NAMES = Set.of("val", "valid", "validation");
  private static final Set<String> TEST_NAMES = Set.of("test", "testing");

  /** The data.yaml key a subset folder is listed under. */
  static String role(String subset) {
    String s = subset.toLowerCase(Locale.ROOT);
    if (VAL_NAMES.contains(s)) return VAL;
    if (TEST_NAMES.contains(s)) return TEST;
    return TRAIN;
  }

  /** {@code train}, {@code val} and (when present) {@code test}, each one folder or a list of folders. */
  static Map<String, Object> keys(Iterable<String> subsetFolders, LossReport loss) {
    Map<String, List<String>> byRole = new LinkedHashMap<>();
    byRole.put(TRAIN, new ArrayList<>());
    byRole.put(VAL, new ArrayList<>());
    byRole.put(TEST, new ArrayList<>());
    for (String subset : subsetFolders) {
      String role = role(subset);
      if (!subset.equals(role)) {
        boolean byName = !role.equals(TRAIN) || TRAIN_NAMES.contains(subset.toLowerCase(Locale.ROOT));
        loss.changed(null, "subset '" + subset + "'", byName ? "-> listed as " + role + " in data.yaml"
            : "not train/val/test -> listed as train in data.yaml");
      }
      byRole.get(role).add("images/" + subset);
    }
    if (byRole.get(VAL).isEmpty() && !byRole.get(TRAIN).isEmpty()) {
      loss.changed(null, "subset", "no validation subset -> data.yaml val lists the training images");
      byRole.get(VAL).addAll(byRole.get(TRAIN));
    } else if (byRole.get(TRAIN).isEmpty() && !byRole.get(VAL).isEmpty()) {
      loss.changed(null, "subset", "no training subset -> data.yaml train lists the validation images");
      byRole.get(TRAIN).addAll(byRole.get(VAL));
    } else if (byRole.get(TRAIN).isEmpty()) {
      // An empty dataset: both keys still name the conventional folders (written empty).
      byRole.get(TRAIN).add("images/train");
      byRole.get(VAL).add("images/train");
    }
    Map<String, Object> keys = new LinkedHashMap<>();
    byRole.forEach((role, folders) -> {
      if (!folders.isEmpty()) keys.put(role, folders.size() == 1 ? folders.get(0) : List.copyOf(folders));
    });
    return keys;
  }
}
