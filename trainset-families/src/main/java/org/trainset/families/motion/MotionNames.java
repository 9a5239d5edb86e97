package org.trainset.families.motion;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The naming scheme ({@code 28-8-001-C1}: scenario, take, camera) and the 24-joint skeleton. */
final class MotionNames {
  private MotionNames() {}

  /** {@code <scenario a>-<scenario b>-<take>-C<camera>} optionally followed by {@code _<frame>}. */
  static final Pattern CLIP = Pattern.compile("(\\d+-\\d+)-(\\d{3})-(C\\d+)(?:_(\\d+))?");

  /** Parsed clip name, or null when {@code name} does not follow the scheme. */
  static Clip parse(String name) {
    Matcher m = CLIP.matcher(name);
    if (!m.matches()) return null;
    return new Clip(m.group(1), m.group(2), m.group(3), m.group(4));
  }

  record Clip(String scenario, String take, String camera, String frame) {
    String clip() { return scenario + "-" + take + "-" + camera; }
    String takeName() { return scenario + "-" + take; }
  }

  /** The 24 joints in {@code 3d_pos} and keypoint order (SMPL's joint order). */
  static final List<String> JOINTS = List.of("pelvis", "left_hip", "right_hip", "spine1", "left_knee",
      "right_knee", "spine2", "left_ankle", "right_ankle", "spine3", "left_foot", "right_foot", "neck",
      "left_collar", "right_collar", "head", "left_shoulder", "right_shoulder", "left_elbow", "right_elbow",
      "left_wrist", "right_wrist", "left_hand", "right_hand");

  /** Bones as 1-based joint index pairs (COCO's skeleton convention). */
  static final List<int[]> BONES = List.of(new int[] {1, 2}, new int[] {1, 3}, new int[] {1, 4},
      new int[] {2, 5}, new int[] {3, 6}, new int[] {4, 7}, new int[] {5, 8}, new int[] {6, 9},
      new int[] {7, 10}, new int[] {8, 11}, new int[] {9, 12}, new int[] {10, 13}, new int[] {13, 14},
      new int[] {13, 15}, new int[] {13, 16}, new int[] {14, 17}, new int[] {15, 18}, new int[] {17, 19},
      new int[] {18, 20}, new int[] {19, 21}, new int[] {20, 22}, new int[] {21, 23}, new int[] {22, 24});
}
