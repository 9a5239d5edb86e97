package org.trainset.families.sidewalk;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * File names of the producer's own sample layout (issue 16, from the company that built the set):
 * {@code Sidewalk_<task>_{bbox,polygon,surface}_{raw,output,mask}_<NNNNNN>_<k>.{jpg,xml,png}} and
 * {@code Sidewalk_<task>_depth_{disp16,disp,confidencesave,confidence,left,right,L,R}_<NNNNNN>_<k>.png}
 * with {@code Sidewalk_<task>_depth_output_<NNNNNN>_<k>.conf}.
 */
record ProducerNames(String task, String kind, String role, String number, String k, String ext) {
  static final Pattern NAME = Pattern.compile(
      "Sidewalk_(.+?)_(bbox|polygon|surface|depth)_(raw|output|mask|disp16|disp|confidencesave|confidence"
          + "|left|right|L|R)_(\\d+)_(\\d+)\\.([A-Za-z]+)");

  /** Producer depth role → the release's role name (left/L and right/R are settled by image height). */
  static final Map<String, String> DEPTH_ROLES = Map.of("disp16", "Disparity16", "disp", "Disparity",
      "confidencesave", "Confidence_save", "confidence", "Confidence");
  static final List<String> DEPTH_FILES = List.of("disp16", "disp", "confidencesave", "confidence", "left", "right",
      "L", "R");

  static ProducerNames parse(String fileName) {
    Matcher m = NAME.matcher(fileName);
    if (!m.matches()) return null;
    return new ProducerNames(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5),
        m.group(6).toLowerCase(Locale.ROOT));
  }

  /** What identifies one image or depth set: task, kind, number and k. */
  String key() {
    return task + "_" + kind + "_" + number + "_" + k;
  }

  /** The name of the same image or set with another role and extension. */
  String with(String newRole, String newExt) {
    return "Sidewalk_" + task + "_" + kind + "_" + newRole + "_" + number + "_" + k + "." + newExt;
  }

  SidewalkFolder folder() {
    return SidewalkFolder.valueOf(kind.toUpperCase(Locale.ROOT));
  }
}
