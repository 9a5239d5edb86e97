package org.trainset.families.sidewalk;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trainset.core.convert.LossReport;
import org.trainset.core.io.AtomicOutput;
import org.trainset.core.model.AttributeSpec;
import org.trainset.core.model.DatasetSchema;
import org.trainset.core.model.Item;
import org.trainset.core.model.LabelDef;
import org.trainset.core.spi.ItemSink;
import org.trainset.core.spi.WriteOptions;

/**
 * Writes one release folder's XML through the {@code cvat} format's writer (as a CVAT task export
 * with the labels of its kind) and its environment CSV.
 */
final class SidewalkFolderWriter {
  private SidewalkFolderWriter() {}

  static void writeXml(Path folder, SidewalkFolder kind, int taskId, List<Item> items) throws IOException {
    writeXml(folder, kind, taskId, items, SurfaceScene.COLOURS, LossReport.strict());
  }

  /** The XML with surface labels declared in {@code colours}; what CVAT cannot hold goes on {@code loss}. */
  static void writeXml(Path folder, SidewalkFolder kind, int taskId, List<Item> items, Map<String, String> colours,
                       LossReport loss) throws IOException {
    String name = folder.getFileName().toString();
    writeXml(folder.resolve(name + ".xml"), name, kind, taskId, items, colours, "select", loss);
  }

  /**
   * The XML as {@code file}, for task {@code name}; surface labels get the colours of
   * {@code colours} (none when it is empty, as in the producer's files) and their one attribute,
   * named {@code attribute}, the CVAT input type {@code inputType} ({@code select}, {@code radio}).
   */
  static void writeXml(Path file, String name, SidewalkFolder kind, int taskId, List<Item> items,
                       Map<String, String> colours, String inputType, LossReport loss) throws IOException {
    Path tmp = file.resolveSibling("." + file.getFileName() + ".cvat");
    try (ItemSink sink = AnnotatedPart.CVAT.writer().orElseThrow()
        .open(tmp, schema(name, kind, taskId, items.size(), colours, inputType), WriteOptions.defaults(), loss)) {
      for (Item it : items) sink.accept(it);
      sink.commit();
    }
    Files.move(tmp.resolve("annotations.xml"), file, StandardCopyOption.REPLACE_EXISTING);
    AtomicOutput.deleteRecursively(tmp);
  }

  private static DatasetSchema schema(String name, SidewalkFolder kind, int taskId, int size,
                                      Map<String, String> colours, String inputType) {
    Map<String, Object> task = new LinkedHashMap<>();
    task.put("id", Integer.toString(taskId));
    task.put("name", name);
    task.put("size", Integer.toString(size));
    task.put("mode", "annotation");
    task.put("overlap", "0");
    task.put("bugtracker", "");
    task.put("flipped", "False");
    task.put("created", "2020-09-14 05:12:31.207184+00:00");
    task.put("updated", "2020-10-06 11:40:02.551873+00:00");
    task.put("start_frame", "0");
    task.put("stop_frame", Integer.toString(Math.max(0, size - 1)));
    task.put("frame_filter", "");
    Map<String, Object> segment = new LinkedHashMap<>();
    segment.put("id", Integer.toString(taskId * 10));
    segment.put("start", "0");
    segment.put("stop", Integer.toString(Math.max(0, size - 1)));
    segment.put("url", "http://cvat.local/?id=" + taskId * 10);
    task.put("segments", Map.of("segment", segment));
    Map<String, Object> owner = new LinkedHashMap<>();
    owner.put("username", "annotator01");
    owner.put("email", "");
    task.put("owner", owner);
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("task", task);
    meta.put("dumped", "2020-10-06 11:41:17.339145+00:00");
    Map<String, Object> cvat = new LinkedHashMap<>();
    cvat.put("version", "1.1");
    cvat.put("container", "task");
    cvat.put("meta", meta);
    List<LabelDef> labels = new ArrayList<>();
    if (kind == SidewalkFolder.SURFACE) {
      for (Map.Entry<String, List<String>> e : SidewalkLabels.SURFACES.entrySet()) {
        List<AttributeSpec> attrs = e.getValue().isEmpty() ? List.of()
            : List.of(new AttributeSpec(SidewalkSampleGenerator.SURFACE_ATTRIBUTE, inputType, e.getValue(),
                e.getValue().get(0), false));
        labels.add(new LabelDef(e.getKey(), null, null, colours.get(e.getKey()), null, attrs, List.of(), List.of()));
      }
    } else {
      for (String l : SidewalkLabels.OBSTACLES) labels.add(LabelDef.named(l));
    }
    return new DatasetSchema(name, Map.of("cvat", cvat), labels, List.of());
  }

  /** The folder's environment CSV; {@code rows} are file name, day/night, rain, time (may be empty). */
  static void writeCsv(Path file, List<String[]> rows) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("file_name,day_night,rain,time\n");
      for (String[] r : rows) w.write(String.join(",", r) + "\n");
    }
  }
}
