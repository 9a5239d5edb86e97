package org.trainset.formats.coco;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a synthetic COCO instances file shaped like train2017: info, licences, images, then
 * annotations in an order unrelated to the images (each annotation's image is a stride
 * permutation of its number), then 80 categories with ids 1..90 (gaps as in COCO). Annotations
 * are polygons of 8–20 vertices with bbox and area; one in 50 is a crowd with uncompressed RLE.
 * Streams with a generator, so any size can be produced in constant memory.
 */
final class CocoSynth {
  private CocoSynth() {}

  static void write(Path file, int images, int annotationsPerImage, long seed) throws IOException {
    SplittableRandom rnd = new SplittableRandom(seed);
    long total = (long) images * annotationsPerImage;
    long stride = strideFor(images);
    try (JsonGenerator g = new JsonFactory().createGenerator(file.toFile(), JsonEncoding.UTF8)) {
      g.writeStartObject();
      g.writeObjectFieldStart("info");
      g.writeStringField("description", "trainset synthetic COCO");
      g.writeNumberField("year", 2026);
      g.writeEndObject();
      g.writeArrayFieldStart("licenses");
      g.writeStartObject();
      g.writeNumberField("id", 1);
      g.writeStringField("name", "CC-BY-4.0");
      g.writeEndObject();
      g.writeEndArray();
      g.writeArrayFieldStart("images");
      for (int i = 0; i < images; i++) {
        g.writeStartObject();
        g.writeNumberField("id", imageId(i));
        g.writeNumberField("width", 640);
        g.writeNumberField("height", 480);
        g.writeStringField("file_name", String.format("%012d.jpg", imageId(i)));
        g.writeNumberField("license", 1);
        g.writeStringField("date_captured", "2013-11-14 17:02:52");
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("annotations");
      for (long k = 0; k < total; k++) {
        int image = (int) ((k * stride) % images);
        g.writeStartObject();
        g.writeNumberField("id", k + 1);
        g.writeNumberField("image_id", imageId(image));
        g.writeNumberField("category_id", category(rnd.nextInt(80)));
        double cx = 40 + rnd.nextDouble() * 560, cy = 40 + rnd.nextDouble() * 400, r = 5 + rnd.nextDouble() * 35;
        if (k % 50 == 49) {
          g.writeObjectFieldStart("segmentation");
          g.writeArrayFieldStart("counts");
          int x0 = (int) (cx - r), w = (int) (2 * r);
          int y0 = (int) (cy - r), h = (int) (2 * r);
          g.writeNumber(x0 * 480 + y0);
          for (int c = 0; c < w; c++) {
            g.writeNumber(h);
            if (c < w - 1) g.writeNumber(480 - h);
          }
          g.writeNumber(480 * 640 - (x0 * 480 + y0) - (w - 1) * 480 - h);
          g.writeEndArray();
          g.writeArrayFieldStart("size");
          g.writeNumber(480);
          g.writeNumber(640);
          g.writeEndArray();
          g.writeEndObject();
          g.writeNumberField("area", (double) w * h);
          bbox(g, x0, y0, w, h);
          g.writeNumberField("iscrowd", 1);
        } else {
          int n = 8 + rnd.nextInt(13);
          g.writeArrayFieldStart("segmentation");
          g.writeStartArray();
          for (int v = 0; v < n; v++) {
            double a = 2 * Math.PI * v / n, rr = r * (0.7 + 0.3 * rnd.nextDouble());
            g.writeNumber(Math.round((cx + rr * Math.cos(a)) * 100) / 100.0);
            g.writeNumber(Math.round((cy + rr * Math.sin(a)) * 100) / 100.0);
          }
          g.writeEndArray();
          g.writeEndArray();
          g.writeNumberField("area", Math.round(Math.PI * r * r * 0.7 * 100) / 100.0);
          bbox(g, Math.round((cx - r) * 100) / 100.0, Math.round((cy - r) * 100) / 100.0, 2 * r, 2 * r);
          g.writeNumberField("iscrowd", 0);
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("categories");
      for (int c = 0; c < 80; c++) {
        g.writeStartObject();
        g.writeStringField("supercategory", "thing");
        g.writeNumberField("id", category(c));
        g.writeStringField("name", "class" + category(c));
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
  }

  static long imageId(int i) {
    return 7L * i + 3;
  }

  /** 80 category ids spread over 1..90, leaving gaps as COCO does. */
  static int category(int index) {
    return index + 1 + index / 8;
  }

  private static void bbox(JsonGenerator g, double x, double y, double w, double h) throws IOException {
    g.writeArrayFieldStart("bbox");
    g.writeNumber(x);
    g.writeNumber(y);
    g.writeNumber(Math.round(w * 100) / 100.0);
    g.writeNumber(Math.round(h * 100) / 100.0);
    g.writeEndArray();
  }

  /** A stride coprime with {@code n}, so k → k·stride mod n visits images out of order. */
  private static long strideFor(int n) {
    long s = Math.max(1, (long) (n * 0.618)) | 1;
    while (gcd(s, n) != 1) s += 2;
    return s;
  }

  private static long gcd(long a, long b) {
    return b == 0 ? a : gcd(b, a % b);
  }
}
