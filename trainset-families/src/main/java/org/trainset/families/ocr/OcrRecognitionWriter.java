package org.trainset.families.ocr;

import java.awt.image.BufferedImage;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.trainset.core.convert.LossReport;
import org.trainset.core.io.AtomicOutput;
import org.trainset.core.io.InputException;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.AnnotationType;
import org.trainset.core.model.Box;
import org.trainset.core.model.Caption;
import org.trainset.core.model.DatasetSchema;
import org.trainset.core.model.Item;
import org.trainset.core.spi.DatasetWriter;
import org.trainset.core.spi.ItemSink;
import org.trainset.core.spi.StagedSink;
import org.trainset.core.spi.WriteOptions;
import org.trainset.families.samples.SampleImages;

/**
 * Recognition pairs: every transcribed box is cut out of its image into
 * {@code crops/<item>_<box id>.png}; a whole-image crop (caption) is re-encoded as it is.
 * {@code gt.txt} lists {@code crops/…png<TAB>text}, one pair per line. Ignored regions have no
 * text and are left out (declared on the loss report).
 */
final class OcrRecognitionWriter implements DatasetWriter {
  @Override public ItemSink open(Path outDir, DatasetSchema schema, WriteOptions options, LossReport loss)
      throws IOException {
    AtomicOutput out = AtomicOutput.directory(outDir);
    BufferedWriter gt = Files.newBufferedWriter(out.resolve("gt.txt"), StandardCharsets.UTF_8);
    return new StagedSink(out, schema, options, loss) {
      @Override public void accept(Item item) throws IOException {
        BufferedImage img = null;
        int n = 0;
        for (Annotation a : item.annotations()) {
          n++;
          String text = a instanceof Caption c ? c.text()
              : a instanceof Box b ? (String) b.meta().attributes().get(OcrAnnotations.TEXT) : null;
          if (!(a instanceof Box) && !(a instanceof Caption)) {
            loss.dropped(a.type(), null, null);
            continue;
          }
          if (text == null || text.isEmpty()) {
            loss.dropped(AnnotationType.BOX, null, "region without text (ignored)");
            continue;
          }
          if (img == null) img = image(item, options);
          if (img == null) {
            loss.dropped(AnnotationType.BOX, null, "region whose image is not available");
            continue;
          }
          BufferedImage crop = a instanceof Box b ? cut(img, b) : img;
          if (crop == null) {
            loss.dropped(AnnotationType.BOX, null, "outside its image");
            continue;
          }
          String name = "crops/" + safe(item.id()) + "_" + (a.meta().id() != null ? safe(a.meta().id()) : Integer.toString(n)) + ".png";
          SampleImages.writePng(crop, out.resolve(name));
          gt.write(name + "\t" + text.replace('\t', ' ').replace('\n', ' ') + "\n");
        }
      }

      /** gt.txt is complete once closed; closing twice is harmless. */
      @Override protected void release() throws IOException {
        gt.close();
      }
    };
  }

  static BufferedImage image(Item item, WriteOptions options) throws IOException {
    if (options.mediaRoot() == null || item.primaryMedia() == null) return null;
    Path file = options.mediaRoot().resolve(item.primaryMedia().path());
    if (!Files.isRegularFile(file)) return null;
    BufferedImage img = ImageIO.read(file.toFile());
    if (img == null) throw new InputException(file, "image-unreadable", "no image decoder understands this file");
    return img;
  }

  private static BufferedImage cut(BufferedImage img, Box b) {
    int x0 = (int) Math.max(0, Math.floor(b.x()));
    int y0 = (int) Math.max(0, Math.floor(b.y()));
    int x1 = (int) Math.min(img.getWidth(), Math.ceil(b.x2()));
    int y1 = (int) Math.min(img.getHeight(), Math.ceil(b.y2()));
    if (x1 <= x0 || y1 <= y0) return null;
    return img.getSubimage(x0, y0, x1 - x0, y1 - y0);
  }

  static String safe(String s) {
    return s.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
