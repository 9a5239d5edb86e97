package org.trainset.families.motion;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trainset.core.io.DatasetFolder;
import org.trainset.core.io.InputException;
import org.trainset.core.json.JsonValues;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.AnnotationMeta;
import org.trainset.core.model.Box;
import org.trainset.core.model.Item;
import org.trainset.core.model.MediaKind;
import org.trainset.core.model.MediaRef;
import org.trainset.core.model.Points;
import org.trainset.core.spi.ReadOptions;
import org.trainset.families.jsonfiles.JsonFiles;

/**
 * One 2D frame document ⇄ one item: scenario, take, camera and frame from the file name; the
 * document's {@code info} keys as further attributes; per person a box and 24 keypoints sharing
 * the person id as group. The take's {@code 3d_pos} and the camera's intrinsics/extrinsics are
 * joined as attributes when present.
 */
final class MotionDocument {
  private MotionDocument() {}

  static Item parse(Path root, Path file, JsonNode doc, ReadOptions options) throws IOException {
    String stem = file.getFileName().toString().replaceFirst("(?i)\\.json$", "");
    MotionNames.Clip clip = MotionNames.parse(stem);
    if (clip == null || clip.frame() == null) {
      throw new InputException(file, "motion-name", "file name '" + stem
          + "' is not <scenario>-<take>-C<camera>_<frame> (e.g. 28-8-001-C1_0001)");
    }
    Map<String, Object> attrs = new LinkedHashMap<>();
    attrs.put("scenario", clip.scenario());
    attrs.put("take", clip.take());
    attrs.put("camera", clip.camera());
    attrs.put("frame", Long.parseLong(clip.frame()));
    JsonNode info = doc.get("info");
    if (info != null && info.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = info.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        attrs.putIfAbsent(e.getKey(), JsonValues.toJava(e.getValue()));
      }
    }
    JsonNode image = doc.get("image");
    if (image == null || !image.isObject()) throw JsonFiles.bad(file, "/image", "motion-image", "expected an object");
    String fileName = JsonFiles.text(file, image, "file_name", "/image");
    Integer w = image.hasNonNull("width") ? (int) JsonFiles.number(file, image.get("width"), "/image/width") : null;
    Integer h = image.hasNonNull("height") ? (int) JsonFiles.number(file, image.get("height"), "/image/height") : null;
    String path = "image/" + clip.scenario() + "/" + clip.clip() + "/" + fileName;

    List<Annotation> anns = new ArrayList<>();
    JsonNode people = doc.get("annotations");
    if (people == null || !people.isArray()) throw JsonFiles.bad(file, "/annotations", "motion-annotations", "expected an array");
    for (int i = 0; i < people.size(); i++) person(file, people.get(i), "/annotations/" + i, anns);

    Path threeD = root.resolve("Annotation/3D").resolve(clip.scenario());
    Path pos = threeD.resolve(clip.takeName()).resolve("3D_" + clip.takeName() + "_" + clip.frame() + ".json");
    if (DatasetFolder.present(pos)) { // optional: a take without 3D positions
      JsonNode d = JsonFiles.read(pos, options.limits());
      attrs.put("3d_pos", matrix(pos, d.path("annotations").get("3d_pos"), "/annotations/3d_pos", 24, 3));
    }
    Path camera = threeD.resolve("camera").resolve(clip.clip() + ".json");
    if (DatasetFolder.present(camera)) { // optional: a camera without parameters
      JsonNode c = JsonFiles.read(camera, options.limits());
      attrs.put("intrinsics", matrix(camera, c.get("intrinsics"), "/intrinsics", 3, 3));
      attrs.put("extrinsics", matrix(camera, c.get("extrinsics"), "/extrinsics", 3, 4));
    }
    return new Item(stem, null, List.of(new MediaRef(MediaKind.IMAGE, path, w, h, Map.of())), attrs, anns);
  }

  private static void person(Path file, JsonNode p, String pointer, List<Annotation> out) throws IOException {
    if (!p.isObject()) throw JsonFiles.bad(file, pointer, "motion-person", "expected an object");
    JsonNode pid = p.get("person_id");
    Integer group = pid != null && pid.canConvertToInt() ? pid.intValue() : null;
    Map<String, Object> extra = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!List.of("person_id", "bbox", "keypoints", "num_keypoints").contains(e.getKey())) {
        extra.put(e.getKey(), JsonValues.toJava(e.getValue()));
      }
    }
    String id = pid == null ? null : pid.asText();
    AnnotationMeta meta = new AnnotationMeta(id, MotionReader.LABEL, extra, group, 0, false, null);
    if (p.hasNonNull("bbox")) {
      double[] b = JsonFiles.numbers(file, p.get("bbox"), pointer + "/bbox", 4);
      out.add(new Box(meta, b[0], b[1], b[2], b[3]));
    }
    int n = MotionNames.JOINTS.size();
    double[] kp = JsonFiles.numbers(file, p.get("keypoints"), pointer + "/keypoints", n * 3);
    double[] xy = new double[n * 2];
    int[] vis = new int[n];
    for (int j = 0; j < n; j++) {
      xy[2 * j] = kp[3 * j];
      xy[2 * j + 1] = kp[3 * j + 1];
      double v = kp[3 * j + 2];
      if (v != 0 && v != 1 && v != 2) {
        throw JsonFiles.bad(file, pointer + "/keypoints/" + (3 * j + 2), "motion-visibility",
            "visibility of " + MotionNames.JOINTS.get(j) + " must be 0, 1 or 2, found " + v);
      }
      vis[j] = (int) v;
    }
    out.add(new Points(meta, xy, vis));
  }

  private static List<Object> matrix(Path file, JsonNode n, String pointer, int rows, int cols) throws InputException {
    if (n == null || !n.isArray() || n.size() != rows) {
      throw JsonFiles.bad(file, pointer, "motion-matrix", "expected " + rows + " rows of " + cols + ", found "
          + JsonFiles.describe(n));
    }
    List<Object> out = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      List<Object> row = new ArrayList<>();
      for (double v : JsonFiles.numbers(file, n.get(r), pointer + "/" + r, cols)) row.add(v);
      out.add(row);
    }
    return out;
  }
}
