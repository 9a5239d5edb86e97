package org.trainset.web;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
import org.trainset.core.model.Caption;
import org.trainset.core.model.DatasetSchema;
import org.trainset.core.model.Item;
import org.trainset.core.model.LabelDef;
import org.trainset.core.model.Mask;
import org.trainset.core.model.MediaKind;
import org.trainset.core.model.MediaRef;
import org.trainset.core.model.Points;
import org.trainset.core.model.Polygon;
import org.trainset.core.model.Polyline;
import org.trainset.core.model.Tag;
import org.trainset.core.model.TextPair;
import org.trainset.core.spi.ItemSink;
import org.trainset.core.spi.WriteOptions;

/**
 * The dataset the browser tests import: one 400×300 image carrying every spatial annotation type
 * at known coordinates (and a label that is an HTML injection attempt), a second image, and a text
 * pair. Written in trainset's native format by its own writer. Label colours are declared so the
 * tests can recognise each shape's pixels.
 */
final class WebSample {
  static final int W = 400, H = 300;
  static final String XSS_LABEL = "<img src=x onerror=\"window.__xss=1\">";
  static final String XSS_ATTRIBUTE = "<b>bold</b><script>window.__xss=2</script>";
  static final String CAPTION = "a quiet street <i>at noon</i>";
  /** Background of the images: dark grey, far from every label colour. */
  static final Color BACKGROUND = new Color(0x30, 0x30, 0x30);

  // Annotation indexes in scene-1 (the viewer's draw state lists these).
  static final int BOX = 0, ROTATED = 1, POLYGON = 2, POLYLINE = 3, KEYPOINTS = 4, MASK = 5, XSS_BOX = 8;
  static final Box CAR = new Box(AnnotationMeta.of("car"), 40, 40, 120, 80);
  static final Box CAR_ROTATED = new Box(AnnotationMeta.of("car"), 220, 60, 100, 40, 30);

  static Path write(Path dir) throws IOException {
    Path media = dir.resolve("src");
    Files.createDirectories(media);
    image(media.resolve("scene-1.png"));
    image(media.resolve("scene-2.png"));
    Files.writeString(media.resolve("pair-1.txt"), "안녕하세요\tHello\n", StandardCharsets.UTF_8);

    List<Annotation> scene1 = new ArrayList<>();
    scene1.add(CAR);
    scene1.add(CAR_ROTATED);
    scene1.add(new Polygon(AnnotationMeta.of("road"), new double[] {20, 200, 180, 200, 200, 280, 10, 280}));
    scene1.add(new Polyline(AnnotationMeta.of("lane"), new double[] {220, 290, 300, 200, 390, 150}));
    scene1.add(new Points(AnnotationMeta.of("person"), new double[] {180, 10, 188, 30, 196, 50}, new int[] {2, 1, 0}));
    int[] runs = {0, 60 * 40}; // every pixel of the 60×40 rectangle
    scene1.add(new Mask(AnnotationMeta.of("sky"), 300, 220, 60, 40, runs));
    scene1.add(new Caption(AnnotationMeta.of("caption"), CAPTION));
    scene1.add(new Tag(AnnotationMeta.of("daytime")));
    scene1.add(new Box(AnnotationMeta.of(XSS_LABEL).withAttributes(Map.of("note", XSS_ATTRIBUTE)), 170, 140, 40, 40));

    List<Item> items = List.of(
        new Item("scene-1", "train", List.of(MediaRef.image("scene-1.png", W, H)), Map.of("weather", "clear"), scene1),
        new Item("scene-2", "val", List.of(MediaRef.image("scene-2.png", W, H)), Map.of(),
            List.of(new Box(AnnotationMeta.of("bus"), 10, 10, 50, 50))),
        new Item("pair-1", "train", List.of(new MediaRef(MediaKind.TEXT, "pair-1.txt", null, null, Map.of())), Map.of(),
            List.of(new TextPair(AnnotationMeta.of("translation"), "안녕하세요", "Hello", "ko", "en"))));

    List<LabelDef> labels = List.of(
        label("car", "#ff0000", List.of(), List.of()),
        label("road", "#00ff00", List.of(), List.of()),
        label("lane", "#0000ff", List.of(), List.of()),
        label("person", "#ffff00", List.of("head", "hip", "foot"), List.of(new int[] {1, 2}, new int[] {2, 3})),
        label("sky", "#ff00ff", List.of(), List.of()),
        label("bus", "#00ffff", List.of(), List.of()),
        LabelDef.named("caption"), LabelDef.named("daytime"), LabelDef.named(XSS_LABEL), LabelDef.named("translation"));
    DatasetSchema schema = new DatasetSchema("web-sample", Map.of(), labels, List.of("train", "val"));
    Path out = dir.resolve("dataset");
    var writer = FormatRegistry.load().require("trainset").writer().orElseThrow();
    try (ItemSink sink = writer.open(out, schema, new WriteOptions(media, true), LossReport.strict())) {
      for (Item i : items) sink.accept(i);
      sink.commit();
    }
    return out;
  }

  private static LabelDef label(String name, String color, List<String> keypoints, List<int[]> skeleton) {
    return new LabelDef(name, null, null, color, null, List.of(), keypoints, skeleton);
  }

  private static void image(Path file) throws IOException {
    BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(BACKGROUND);
    g.fillRect(0, 0, W, H);
    g.dispose();
    ImageIO.write(img, "png", file.toFile());
  }
}
