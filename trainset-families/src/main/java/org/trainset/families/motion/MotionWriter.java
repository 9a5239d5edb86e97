package org.trainset.families.motion;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trainset.core.convert.LossReport;
import org.trainset.core.io.AtomicOutput;
import org.trainset.core.io.InputException;
import org.trainset.core.json.JsonValues;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.AnnotationType;
import org.trainset.core.model.Box;
import org.trainset.core.model.DatasetSchema;
import org.trainset.core.model.Item;
import org.trainset.core.model.MediaRef;
import org.trainset.core.model.Points;
import org.trainset.core.spi.DatasetWriter;
import org.trainset.core.spi.ItemSink;
import org.trainset.core.spi.StagedSink;
import org.trainset.core.spi.WriteOptions;
import org.trainset.families.jsonfiles.MediaCopy;

/**
 * Writes the release layout the reader reads: per item (id {@code <scenario>-<take>-C<n>_<frame>})
 * {@code Annotation/2D/<scenario>/<clip>/<id>.json} with {@code info} (the item's attributes),
 * {@code image} and one entry per person (box and 24 keypoints sharing the person's group), the
 * image under {@code image/<scenario>/<clip>/}, and where the item has them the take's
 * {@code 3d_pos} and the camera's parameters under {@code Annotation/3D}.
 */
final class MotionWriter implements DatasetWriter {
  private static final JsonFactory JSON = new JsonFactory();
  /** Attributes that live elsewhere than {@code info}: the file name and the 3D files. */
  private static final Set<String> NOT_INFO = Set.of("3d_pos", "intrinsics", "extrinsics");

  @Override public ItemSink open(Path outDir, DatasetSchema schema, WriteOptions options, LossReport loss)
      throws IOException {
    AtomicOutput out = AtomicOutput.directory(outDir);
    return new StagedSink(out, schema, options, loss) {
      @Override public void accept(Item item) throws IOException {
        MotionNames.Clip clip = MotionNames.parse(item.id());
        if (clip == null || clip.frame() == null) {
          throw new InputException(Path.of(item.id()), "motion-name", "item id '" + item.id()
              + "' is not <scenario>-<take>-C<camera>_<frame> (e.g. 28-8-001-C1_0001), which the layout needs");
        }
        MediaRef m = item.primaryMedia();
        String fileName = m == null ? item.id() + ".jpg" : MediaCopy.fileName(m.path());
        String imagePath = "image/" + clip.scenario() + "/" + clip.clip() + "/" + fileName;
        if (m != null) {
          if (!m.path().equals(imagePath)) loss.changed(null, "image path", "moved to image/<scenario>/<clip>/");
          MediaCopy.copy(options, m.path(), out.resolve(imagePath), loss);
        }
        if (item.media().size() > 1) loss.dropped(null, "media", "beyond the frame image");
        write2d(out.resolve("Annotation/2D/" + clip.scenario() + "/" + clip.clip() + "/" + item.id() + ".json"),
            item, clip, fileName, m, loss);
        Path threeD = out.resolve("Annotation/3D/" + clip.scenario());
        if (item.attributes().get("3d_pos") instanceof List<?> pos) {
          Path f = threeD.resolve(clip.takeName()).resolve("3D_" + clip.takeName() + "_" + clip.frame() + ".json");
          writeObject(f, Map.of("annotations", Map.of("3d_pos", pos)));
        }
        Object k = item.attributes().get("intrinsics");
        Object e = item.attributes().get("extrinsics");
        if (k != null && e != null) {
          Map<String, Object> camera = new LinkedHashMap<>();
          camera.put("intrinsics", k);
          camera.put("extrinsics", e);
          writeObject(threeD.resolve("camera").resolve(clip.clip() + ".json"), camera);
        } else if (k != null || e != null) {
          loss.dropped(null, "camera parameters", "without both intrinsics and extrinsics");
        }
      }
    };
  }

  private static void write2d(Path file, Item item, MotionNames.Clip clip, String fileName, MediaRef m,
                              LossReport loss) throws IOException {
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("scenario", clip.scenario());
    info.put("take", clip.take());
    info.put("camera", clip.camera());
    info.put("frame", Long.parseLong(clip.frame()));
    item.attributes().forEach((key, v) -> {
      if (!NOT_INFO.contains(key)) info.putIfAbsent(key, v);
    });
    Map<String, Object> image = new LinkedHashMap<>();
    image.put("file_name", fileName);
    if (m != null && m.width() != null) image.put("width", (long) m.width());
    if (m != null && m.height() != null) image.put("height", (long) m.height());
    List<Object> persons = new ArrayList<>();
    Map<Integer, Map<String, Object>> byGroup = new LinkedHashMap<>();
    for (Annotation a : item.annotations()) {
      if (!(a instanceof Box) && !(a instanceof Points)) {
        loss.dropped(a.type(), null, "the 2D document holds a box and keypoints per person");
        continue;
      }
      if (a instanceof Points p && p.count() != MotionNames.JOINTS.size()) {
        loss.dropped(AnnotationType.POINTS, null, "another skeleton than the 24 joints");
        continue;
      }
      Integer group = a.meta().group();
      Map<String, Object> person = group == null ? null : byGroup.get(group);
      if (person == null || person.containsKey(a instanceof Box ? "bbox" : "keypoints")) {
        person = new LinkedHashMap<>();
        if (group != null) person.put("person_id", (long) group);
        else if (a.meta().id() != null) person.put("person_id", a.meta().id());
        person.putAll(a.meta().attributes());
        persons.add(person);
        if (group != null) byGroup.put(group, person);
      }
      if (!MotionReader.LABEL.equals(a.meta().label())) loss.changed(a.type(), "label", "every person is '" + MotionReader.LABEL + "'");
      if (a instanceof Box b) {
        person.put("bbox", List.of(b.x(), b.y(), b.width(), b.height()));
      } else {
        Points p = (Points) a;
        List<Object> kp = new ArrayList<>();
        long labelled = 0;
        for (int j = 0; j < p.count(); j++) {
          kp.add(p.x(j));
          kp.add(p.y(j));
          kp.add((long) p.visibility(j));
          if (p.visibility(j) > 0) labelled++;
        }
        person.put("keypoints", kp);
        person.put("num_keypoints", labelled);
      }
    }
    for (Object p : persons) {
      if (!((Map<?, ?>) p).containsKey("keypoints")) {
        loss.dropped(AnnotationType.BOX, null, "without keypoints: the reader needs keypoints per person");
      }
    }
    persons.removeIf(p -> !((Map<?, ?>) p).containsKey("keypoints"));
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("info", info);
    doc.put("image", image);
    doc.put("annotations", persons);
    writeObject(file, doc);
  }

  private static void writeObject(Path file, Map<String, Object> doc) throws IOException {
    Files.createDirectories(file.getParent());
    try (JsonGenerator g = JSON.createGenerator(file.toFile(), JsonEncoding.UTF8)) {
      g.useDefaultPrettyPrinter();
      JsonValues.write(g, doc);
    }
  }
}
