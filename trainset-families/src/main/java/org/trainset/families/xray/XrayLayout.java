package org.trainset.families.xray;

import java.util.List;

/** The sample folder names and what they say about an image's composition. */
final class XrayLayout {
  private XrayLayout() {}

  static final List<String> SAMPLES = List.of("Single_Default", "Single_Other", "Multiple_Categories", "Multiple_Other");
  static final List<String> MAKERS = List.of("Astrophysics", "Rapiscan", "Smith");

  static boolean isSample(String folder) {
    return SAMPLES.contains(folder);
  }

  /** single or multiple. */
  static String composition(String sample) {
    return sample.startsWith("Single") ? "single" : "multiple";
  }

  /** item (prohibited items only) or non-item (with ordinary goods). */
  static String contents(String sample) {
    return sample.endsWith("Other") ? "non-item" : "item";
  }
}
