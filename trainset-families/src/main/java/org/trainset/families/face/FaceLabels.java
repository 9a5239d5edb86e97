package org.trainset.families.face;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.trainset.core.io.InputException;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.AnnotationMeta;
import org.trainset.core.model.Box;
import org.trainset.core.model.Points;

/**
 * The per-image label txt. The families doc fixes the order (7 landmarks, 7 boxes) but not the
 * text layout, so trainset uses (and documents as unconfirmed): 14 non-comment lines of
 * whitespace-separated numbers, first the landmarks as {@code x y}, then the boxes as
 * {@code x y w h}; {@code -1} values mark a part that is not visible (an ear at a profile
 * angle). Lines starting with {@code #} are comments.
 */
public final class FaceLabels {
  /** Landmarks in file order (doc §7). */
  public static final List<String> LANDMARKS = List.of("nose_tip", "right_eye_center", "left_eye_center",
      "right_mouth_corner", "left_mouth_corner", "right_ear_center", "left_ear_center");
  /** Boxes in file order (doc §7). */
  public static final List<String> BOXES = List.of("face", "left_eye", "right_eye", "nose", "mouth", "left_ear", "right_ear");
  public static final String LANDMARK_LABEL = "face_landmarks";

  private FaceLabels() {}

  static List<Annotation> read(Path txt) throws IOException {
    List<String> lines = org.trainset.core.io.TextFiles.readAllLines(txt);
    double[] points = new double[14];
    int[] vis = new int[7];
    List<Annotation> boxes = new ArrayList<>();
    int row = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) continue;
      String[] f = line.split("\\s+");
      int want = row < 7 ? 2 : 4;
      if (row >= 14) throw new InputException(txt, i + 1, 1, "face-label-lines", "more than 7 landmark + 7 box lines");
      if (f.length != want) {
        throw new InputException(txt, i + 1, 1, "face-label-fields", (row < 7 ? "landmark " + LANDMARKS.get(row)
            : "box " + BOXES.get(row - 7)) + " needs " + want + " numbers, found " + f.length + ": '" + line + "'");
      }
      double[] v = new double[want];
      for (int k = 0; k < want; k++) {
        try {
          v[k] = Double.parseDouble(f[k]);
        } catch (NumberFormatException e) {
          throw new InputException(txt, i + 1, column(lines.get(i), k), "face-label-number", "'" + f[k] + "' is not a number");
        }
      }
      if (row < 7) {
        boolean visible = v[0] >= 0 && v[1] >= 0;
        points[2 * row] = visible ? v[0] : 0;
        points[2 * row + 1] = visible ? v[1] : 0;
        vis[row] = visible ? 2 : 0;
      } else if (v[2] > 0 && v[3] > 0) {
        int b = row - 7;
        boxes.add(new Box(AnnotationMeta.of(BOXES.get(b)).withId(Integer.toString(b)), v[0], v[1], v[2], v[3]));
      }
      row++;
    }
    if (row < 14) {
      throw new InputException(txt, lines.size(), -1, "face-label-lines", "found " + row + " of 14 lines (7 landmarks, 7 boxes)");
    }
    List<Annotation> out = new ArrayList<>();
    out.add(new Points(AnnotationMeta.of(LANDMARK_LABEL), points, vis));
    out.addAll(boxes);
    return out;
  }

  private static int column(String line, int field) {
    int col = 0;
    int seen = -1;
    boolean inField = false;
    for (; col < line.length(); col++) {
      boolean space = Character.isWhitespace(line.charAt(col));
      if (!space && !inField && ++seen == field) return col + 1;
      inField = !space;
    }
    return 1;
  }

  /** The txt for a landmark set and boxes by name; absent parts written as -1. */
  public static String write(Points landmarks, List<Box> boxes) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 7; i++) {
      boolean visible = landmarks != null && i < landmarks.count() && landmarks.visibility(i) > 0;
      sb.append(visible ? num(landmarks.x(i)) + " " + num(landmarks.y(i)) : "-1 -1").append('\n');
    }
    for (String name : BOXES) {
      Box b = boxes.stream().filter(x -> x.label().equals(name)).findFirst().orElse(null);
      sb.append(b == null ? "-1 -1 -1 -1" : num(b.x()) + " " + num(b.y()) + " " + num(b.width()) + " " + num(b.height()))
          .append('\n');
    }
    return sb.toString();
  }

  static String num(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
  }
}
