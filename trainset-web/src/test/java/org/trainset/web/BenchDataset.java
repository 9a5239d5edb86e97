package org.trainset.web;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.trainset.core.FormatRegistry;
import org.trainset.core.convert.LossReport;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.AnnotationMeta;
import org.trainset.core.model.Box;
import org.trainset.core.model.DatasetSchema;
import org.trainset.core.model.Item;
import org.trainset.core.model.LabelDef;
import org.trainset.core.model.MediaRef;
import org.trainset.core.model.Polygon;
import org.trainset.core.spi.ItemSink;
import org.trainset.core.spi.WriteOptions;

/**
 * A large project for the item-browser benchmark: {@code n} items in trainset's native format,
 * each a 320×240 image (64 distinct files, shared) with two boxes and a polygon.
 */
final class BenchDataset {
  static final int IMAGES = 64, W = 320, H = 240;
  static final String[] LABELS = {"car", "bus", "truck", "person", "bicycle", "sign", "light", "pole", "tree", "dog"};

  static Path write(Path dir, int n) throws IOException {
    Path media = dir.resolve("media");
    Files.createDirectories(media);
    for (int k = 0; k < IMAGES; k++) {
      BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = img.createGraphics();
      g.setColor(Color.getHSBColor(k / (float) IMAGES, 0.35f, 0.45f));
      g.fillRect(0, 0, W, H);
      g.setColor(Color.getHSBColor(k / (float) IMAGES, 0.5f, 0.7f));
      g.fillOval(40 + k, 60, 120, 80);
      g.dispose();
      ImageIO.write(img, "png", media.resolve("img-" + k + ".png").toFile());
    }
    List<LabelDef> labels = new ArrayList<>();
    for (String l : LABELS) labels.add(LabelDef.named(l));
    DatasetSchema schema = new DatasetSchema("bench-" + n, Map.of(), labels, List.of("train", "val"));
    Path out = dir.resolve("dataset");
    var writer = FormatRegistry.load().require("trainset").writer().orElseThrow();
    try (ItemSink sink = writer.open(out, schema, new WriteOptions(media, false), LossReport.strict())) {
      for (int i = 0; i < n; i++) {
        double x = 10 + (i * 7) % 150, y = 10 + (i * 13) % 110;
        List<Annotation> anns = List.of(
            new Box(AnnotationMeta.of(LABELS[i % LABELS.length]), x, y, 80, 60),
            new Box(AnnotationMeta.of(LABELS[(i / 10) % LABELS.length]), 200, 120 - (i % 50), 60, 40 + (i % 50)),
            new Polygon(AnnotationMeta.of(LABELS[(i / 100) % LABELS.length]), new double[] {20, 200, 120, 190, 150, 235, 15, 235}));
        sink.accept(new Item(String.format("item-%06d", i), i % 5 == 0 ? "val" : "train",
            List.of(MediaRef.image("img-" + (i % IMAGES) + ".png", W, H)), Map.of(), anns));
      }
      sink.commit();
    }
    return out;
  }
}
