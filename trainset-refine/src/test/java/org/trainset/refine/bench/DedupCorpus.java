package org.trainset.refine.bench;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.trainset.testkit.images.SyntheticImages;

/**
 * The image near-duplicate benchmark's input (bench/refine/run.sh peer): {@code total} JPEGs of
 * {@code w}×{@code h} in DIR/media, photo-like scenes at quality 0.9, of which every 10th scene
 * has one planted copy, cycling through the edits a collection pipeline makes: re-encoded at
 * quality 0.5 and 0.3, resized to 0.5, 0.8 and 1.25, cropped by 2 % and 4 %. DIR/planted.csv
 * lists copy,original,kind. Args: DIR [total] [w] [h].
 */
public final class DedupCorpus {
  static final String[] KINDS = {"reencode-q50", "reencode-q30", "resize-0.5", "resize-0.8", "resize-1.25", "crop-2%", "crop-4%"};

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int total = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    int w = args.length > 2 ? Integer.parseInt(args[2]) : 640, h = args.length > 3 ? Integer.parseInt(args[3]) : 480;
    Path media = Files.createDirectories(dir.resolve("media"));
    int copies = total / 11; // one copy per 10 scenes
    int scenes = total - copies;
    StringBuilder csv = new StringBuilder("copy,original,kind\n");
    for (int c = 0; c < copies; c++) {
      csv.append(String.format("copy%05d.jpg,img%05d.jpg,%s%n", c, c * 10, KINDS[c % KINDS.length]));
    }
    IntStream.range(0, scenes).parallel().forEach(s -> {
      try {
        BufferedImage img = SyntheticImages.scene(s, w, h);
        SyntheticImages.writeJpeg(img, media.resolve(String.format("img%05d.jpg", s)), 0.9f);
        if (s % 10 == 0 && s / 10 < copies) {
          int c = s / 10;
          Path out = media.resolve(String.format("copy%05d.jpg", c));
          switch (KINDS[c % KINDS.length]) {
            case "reencode-q50" -> SyntheticImages.writeJpeg(img, out, 0.5f);
            case "reencode-q30" -> SyntheticImages.writeJpeg(img, out, 0.3f);
            case "resize-0.5" -> SyntheticImages.writeJpeg(SyntheticImages.resized(img, 0.5), out, 0.9f);
            case "resize-0.8" -> SyntheticImages.writeJpeg(SyntheticImages.resized(img, 0.8), out, 0.9f);
            case "resize-1.25" -> SyntheticImages.writeJpeg(SyntheticImages.resized(img, 1.25), out, 0.9f);
            case "crop-2%" -> SyntheticImages.writeJpeg(SyntheticImages.cropped(img, 0.02), out, 0.9f);
            default -> SyntheticImages.writeJpeg(SyntheticImages.cropped(img, 0.04), out, 0.9f);
          }
        }
      } catch (Exception e) {
        throw new RuntimeException(e);
      }
    });
    Files.writeString(dir.resolve("planted.csv"), csv);
    System.out.printf("%d JPEGs (%d scenes, %d planted copies) in %s%n", scenes + copies, scenes, copies, media);
  }
}
