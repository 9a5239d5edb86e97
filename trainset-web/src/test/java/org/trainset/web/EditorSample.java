package org.trainset.web;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.trainset.core.FormatRegistry;
import org.trainset.core.convert.LossReport;
import org.trainset.core.model.AnnotationMeta;
import org.trainset.core.model.AttributeSpec;
import org.trainset.core.model.Box;
import org.trainset.core.model.DatasetSchema;
import org.trainset.core.model.Item;
import org.trainset.core.model.LabelDef;
import org.trainset.core.model.MediaRef;
import org.trainset.core.spi.ItemSink;
import org.trainset.core.spi.WriteOptions;

/**
 * The editor tests' dataset: 400×300 dark images (one per test, so tests do not see each other's
 * edits) and a schema whose labels carry attributes in every domain (select, checkbox, number,
 * text) and a three-joint skeleton; car is COCO category 1 and the drafts item COCO image 7. Label colours are declared so pixels can be recognised.
 */
final class EditorSample {
  static final int W = 400, H = 300;
  static final List<String> ITEMS = List.of("draw", "conflict", "mask", "finding", "other", "drafts", "layers");

  static Path write(Path dir) throws IOException {
    Path media = dir.resolve("src");
    Files.createDirectories(media);
    for (String name : ITEMS) image(media.resolve(name + ".png"));
    List<AttributeSpec> carAttributes = List.of(
        new AttributeSpec("colour", "select", List.of("red", "blue", "white"), "red", false),
        new AttributeSpec("parked", "checkbox", List.of("false"), "false", false),
        new AttributeSpec("doors", "number", List.of("0", "6", "1"), null, false),
        AttributeSpec.text("note"));
    List<LabelDef> labels = List.of(
        new LabelDef("car", 1, null, "#ff0000", null, carAttributes, List.of(), List.of()),
        new LabelDef("road", null, null, "#00ff00", null, List.of(), List.of(), List.of()),
        new LabelDef("person", null, null, "#ffff00", null, List.of(), List.of("head", "hip", "foot"),
            List.of(new int[] {1, 2}, new int[] {2, 3})),
        new LabelDef("sky", null, null, "#ff00ff", null, List.of(), List.of(), List.of()),
        LabelDef.named("daytime"));
    DatasetSchema schema = new DatasetSchema("editor-sample", Map.of(), labels, List.of("train"));
    Path out = dir.resolve("dataset");
    try (ItemSink sink = FormatRegistry.load().require("trainset").writer().orElseThrow()
        .open(out, schema, new WriteOptions(media, true), LossReport.strict())) {
      for (String name : ITEMS) {
        var anns = name.equals("conflict") || name.equals("finding")
            ? List.<org.trainset.core.model.Annotation>of(new Box(AnnotationMeta.of("car"), 20, 20, 80, 60))
            : name.equals("layers") // two overlapping boxes: road (green) over car (red)
            ? List.<org.trainset.core.model.Annotation>of(new Box(AnnotationMeta.of("car"), 100, 100, 100, 100),
                new Box(AnnotationMeta.of("road"), 150, 150, 100, 100))
            : List.<org.trainset.core.model.Annotation>of();
        // The drafts item carries a COCO image id, so a COCO results file can name it.
        Map<String, Object> attributes = name.equals("drafts") ? Map.of("id", 7L) : Map.of();
        sink.accept(new Item(name, "train", List.of(MediaRef.image(name + ".png", W, H)), attributes, anns));
      }
      sink.commit();
    }
    return out;
  }

  private static void image(Path file) throws IOException {
    BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(WebSample.BACKGROUND);
    g.fillRect(0, 0, W, H);
    g.dispose();
    ImageIO.write(img, "png", file.toFile());
  }
}
