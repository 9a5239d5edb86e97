package org.trainset.families.face;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.trainset.core.convert.LossReport;
import org.trainset.core.io.AtomicOutput;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.Box;
import org.trainset.core.model.DatasetSchema;
import org.trainset.core.model.Item;
import org.trainset.core.model.Points;
import org.trainset.core.spi.DatasetWriter;
import org.trainset.core.spi.ItemSink;
import org.trainset.core.spi.StagedSink;
import org.trainset.core.spi.WriteOptions;

/**
 * Writes the grid layout from items whose media path (or grid attributes) place them in it:
 * the image copied to its grid path and the label txt beside it.
 */
final class FaceWriter implements DatasetWriter {
  @Override public ItemSink open(Path outDir, DatasetSchema schema, WriteOptions options, LossReport loss)
      throws IOException {
    AtomicOutput out = AtomicOutput.directory(outDir);
    java.util.Map<String, String[]> subjects = new java.util.TreeMap<>();
    return new StagedSink(out, schema, options, loss) {
      @Override public void accept(Item item) throws IOException {
        Object person = item.attributes().get("person");
        Object gender = item.attributes().get("gender");
        Object age = item.attributes().get("age_group");
        if (person != null && (gender != null || age != null)) {
          subjects.putIfAbsent(person.toString(), new String[] {gender == null ? "" : gender.toString(),
              age == null ? "" : age.toString()});
        }
        String rel = item.primaryMedia() == null ? null : item.primaryMedia().path();
        if (rel == null || FaceGrid.parse(rel) == null) rel = fromAttributes(item);
        if (rel == null) {
          loss.dropped(null, "item", "outside the resolution/person/session/light/expression/camera grid");
          return;
        }
        Points landmarks = null;
        List<Box> boxes = new ArrayList<>();
        for (Annotation a : item.annotations()) {
          if (a instanceof Points p && landmarks == null && p.count() == 7) landmarks = p;
          else if (a instanceof Box b && FaceLabels.BOXES.contains(b.label())) boxes.add(b);
          else loss.dropped(a.type(), "label '" + a.label() + "'", null);
        }
        String stem = rel.substring(0, rel.lastIndexOf('.'));
        Path txt = out.resolve(stem + ".txt");
        Files.createDirectories(txt.getParent());
        Files.writeString(txt, FaceLabels.write(landmarks, boxes), StandardCharsets.UTF_8);
        Path src = options.mediaRoot() == null || item.primaryMedia() == null ? null
            : options.mediaRoot().resolve(item.primaryMedia().path());
        if (src != null && Files.isRegularFile(src)) {
          Files.copy(src, out.resolve(rel));
        } else {
          loss.dropped(null, "image file", "not found at the source, not copied");
        }
      }

      @Override protected void finish() throws IOException {
        if (!subjects.isEmpty()) FaceSubjects.write(out.resolve(FaceSubjects.FILE), subjects);
      }
    };
  }

  private static String fromAttributes(Item item) {
    var a = item.attributes();
    String[] keys = {"resolution", "person", "session", "light", "expression", "camera"};
    for (String k : keys) {
      if (!(a.get(k) instanceof String)) return null;
    }
    String rel = a.get("resolution") + "_Resolution/" + a.get("person") + "/" + a.get("session") + "/" + a.get("light")
        + "/" + a.get("expression") + "/" + a.get("camera") + ".jpg";
    return FaceGrid.parse(rel) == null ? null : rel;
  }
}
