package org.trainset.formats.yolo;

import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.trainset.core.convert.ItemNames;
import org.trainset.core.convert.LossReport;
import org.trainset.core.io.AtomicOutput;
import org.trainset.core.io.InputException;
import org.trainset.core.io.SafePaths;
import org.trainset.core.media.MediaProbe;
import org.trainset.core.model.AnnotationType;
import org.trainset.core.model.DatasetSchema;
import org.trainset.core.model.Item;
import org.trainset.core.model.LabelDef;
import org.trainset.core.model.MediaKind;
import org.trainset.core.model.MediaRef;
import org.trainset.core.spi.DatasetWriter;
import org.trainset.core.spi.ItemSink;
import org.trainset.core.spi.StagedSink;
import org.trainset.core.spi.WriteOptions;

/**
 * Writes the Ultralytics layout: {@code images/<subset>/<id>.<ext>} (copied: YOLO labels are
 * normalised, so readers need the image headers), {@code labels/<subset>/<id>.txt} and
 * {@code data.yaml} with the names as an index map, {@code kpt_shape} for pose data (any label
 * declaring keypoints) and {@code task: obb} when rotated boxes were written. Staged under
 * {@link AtomicOutput}.
 */
final class YoloWriter implements DatasetWriter {
  @Override public ItemSink open(Path outDir, DatasetSchema schema, WriteOptions options, LossReport loss)
      throws IOException {
    return new Sink(AtomicOutput.directory(outDir), schema, options, loss);
  }

  private static final class Sink extends StagedSink {
    private final Map<String, Integer> classes = new LinkedHashMap<>();
    private final Set<String> subsets = new LinkedHashSet<>();
    private final int keypoints;
    private final YoloLines lines;

    Sink(AtomicOutput out, DatasetSchema schema, WriteOptions options, LossReport loss) {
      super(out, schema, options, loss);
      for (LabelDef l : schema.labels()) classes.putIfAbsent(l.name(), classes.size());
      this.keypoints = schema.labels().stream().mapToInt(l -> l.keypoints().size()).max().orElse(0);
      this.lines = new YoloLines(keypoints, label -> classes.computeIfAbsent(label, k -> classes.size()), loss);
    }

    @Override public void accept(Item item) throws IOException {
      MediaRef first = item.primaryMedia();
      if (first == null || first.kind() != MediaKind.IMAGE) {
        // YOLO is images plus label files: text items or DICOM views have no place in it.
        loss.dropped(null, "item", "without an image (" + (first == null ? "no media" : first.kind().key()) + ")");
        item.annotations().forEach(a -> loss.dropped(a.type(), null, "on an item without an image"));
        return;
      }
      String subset = item.subset();
      if (subset == null || subset.isEmpty()) {
        loss.changed(null, "subset", "none -> train");
        subset = "train";
      }
      subsets.add(subset);
      item.attributes().keySet().forEach(k -> loss.dropped(null, "item attribute '" + k + "'", null));
      for (int i = 1; i < item.media().size(); i++) loss.dropped(null, "media", "beyond the first image");
      MediaRef media = item.primaryMedia();
      String ext = ItemNames.extension(media) != null ? ItemNames.extension(media) : "jpg";
      // Ids that are file names (CVAT's "img0.jpg") would otherwise become "img0.jpg.jpg".
      String stem = ItemNames.stem(item);
      if (!stem.equals(item.id())) loss.changed(null, "item id", "-> image file name without extension");
      Path image = out.resolve("images/" + subset + "/" + stem + "." + ext);
      Path label = out.resolve("labels/" + subset + "/" + stem + ".txt");
      Files.createDirectories(image.getParent());
      Files.createDirectories(label.getParent());
      boolean copied = copyImage(media, image);
      Integer w = item.width();
      Integer h = item.height();
      if ((w == null || h == null) && copied) {
        Optional<MediaRef> probed = MediaProbe.probeAll(image, image.getFileName().toString());
        if (probed.isPresent() && probed.get().hasSize()) {
          w = probed.get().width();
          h = probed.get().height();
        }
      }
      List<String> text = List.of();
      if (!item.annotations().isEmpty()) {
        if (w == null || h == null || w <= 0 || h <= 0) {
          throw InputException.atItem(null, item.id(), "image-size",
              "YOLO stores coordinates divided by the image size, which is unknown for this item");
        }
        text = lines.lines(item.annotations(), w, h);
      }
      Files.write(label, text, StandardCharsets.UTF_8);
    }

    private boolean copyImage(MediaRef media, Path target) throws IOException {
      if (media == null || options.mediaRoot() == null) {
        loss.dropped(null, "image file", "no source to copy from");
        return false;
      }
      Path src = SafePaths.resolveInside(options.mediaRoot(), media.path());
      if (!Files.isRegularFile(src)) {
        loss.dropped(null, "image file", "not found");
        return false;
      }
      Files.copy(src, target, StandardCopyOption.REPLACE_EXISTING);
      return true;
    }

    /** {@code data.yaml}: only the end of the dataset knows its subsets, classes and task. */
    @Override protected void finish() throws IOException {
      if (lines.wroteRotated() && lines.rectangularQuads() > 0) {
        for (long i = 0; i < lines.rectangularQuads(); i++) loss.changed(AnnotationType.POLYGON, null, "rectangular, 4 points -> rotated box (task: obb)");
      }
      Map<String, Object> yaml = new LinkedHashMap<>();
      // No "path:": Ultralytics resolves a relative one against the working directory or its own
      // datasets folder, while without it the subset folders are relative to data.yaml itself.
      yaml.putAll(DataYamlSplits.keys(subsets, loss));
      if (subsets.isEmpty()) Files.createDirectories(out.path().resolve("images/train"));
      if (keypoints > 0) yaml.put("kpt_shape", List.of(keypoints, 3));
      if (lines.wroteRotated()) yaml.put(YoloFormat.TASK_KEY, YoloFormat.TASK_OBB);
      Map<Integer, String> names = new LinkedHashMap<>();
      classes.forEach((name, index) -> names.put(index, name));
      yaml.put("nc", names.size());
      yaml.put("names", names);
      YAMLMapper mapper = YAMLMapper.builder().enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
          .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).build();
      Files.writeString(out.path().resolve(YoloFormat.DATA_YAML), mapper.writeValueAsString(yaml), StandardCharsets.UTF_8);
    }
  }
}
