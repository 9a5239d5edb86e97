package org.trainset.families.ocr;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.trainset.core.convert.LossReport;
import org.trainset.core.io.AtomicOutput;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.AnnotationType;
import org.trainset.core.model.Box;
import org.trainset.core.model.DatasetSchema;
import org.trainset.core.model.Item;
import org.trainset.core.spi.DatasetWriter;
import org.trainset.core.spi.ItemSink;
import org.trainset.core.spi.StagedSink;
import org.trainset.core.spi.WriteOptions;

/**
 * ICDAR 2015 detection ground truth: {@code images/<name>} (copied when the source is at hand)
 * and {@code gt/gt_<name without extension>.txt} with one line per box,
 * {@code x1,y1,x2,y2,x3,y3,x4,y4,transcription} clockwise from top-left, {@code ###} marking
 * ignored (don't-care) regions as ICDAR does. Whole-image crops have no box and are left out.
 */
final class OcrDetectionWriter implements DatasetWriter {
  @Override public ItemSink open(Path outDir, DatasetSchema schema, WriteOptions options, LossReport loss)
      throws IOException {
    AtomicOutput out = AtomicOutput.directory(outDir);
    return new StagedSink(out, schema, options, loss) {
      @Override public void accept(Item item) throws IOException {
        if (item.annotations().stream().noneMatch(a -> a instanceof Box)) {
          loss.dropped(null, "item", "without boxes (crop)");
          return;
        }
        String path = item.primaryMedia() == null ? item.id() : item.primaryMedia().path();
        String name = OcrRecognitionWriter.safe(path.substring(path.lastIndexOf('/') + 1));
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        Path gt = out.resolve("gt/gt_" + stem + ".txt");
        Files.createDirectories(gt.getParent());
        try (BufferedWriter w = Files.newBufferedWriter(gt, StandardCharsets.UTF_8)) {
          for (Annotation a : item.annotations()) {
            if (!(a instanceof Box b)) {
              loss.dropped(a.type(), null, null);
              continue;
            }
            if (b.rotation() != 0) loss.dropped(AnnotationType.BOX, "rotation", null);
            Object text = b.meta().attributes().get(OcrAnnotations.TEXT);
            String t = "ignored".equals(b.label()) || text == null ? "###" : text.toString().replace('\n', ' ');
            long x1 = Math.round(b.x());
            long y1 = Math.round(b.y());
            long x2 = Math.round(b.x2());
            long y2 = Math.round(b.y2());
            w.write(x1 + "," + y1 + "," + x2 + "," + y1 + "," + x2 + "," + y2 + "," + x1 + "," + y2 + "," + t + "\n");
          }
        }
        if (options.mediaRoot() != null && item.primaryMedia() != null) {
          Path src = options.mediaRoot().resolve(item.primaryMedia().path());
          if (Files.isRegularFile(src)) {
            Path dst = out.resolve("images/" + name);
            Files.createDirectories(dst.getParent());
            Files.copy(src, dst, StandardCopyOption.REPLACE_EXISTING);
          } else {
            loss.dropped(null, "image file", "not found at the source, not copied");
          }
        }
      }
    };
  }
}
