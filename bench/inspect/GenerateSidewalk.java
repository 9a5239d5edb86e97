import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.trainset.core.FormatRegistry;
import org.trainset.core.convert.LossReport;
import org.trainset.core.model.*;
import org.trainset.core.spi.ItemSink;
import org.trainset.core.spi.WriteOptions;

/**
 * Writes a sidewalk-like dataset in the native trainset format for the inspect benchmark:
 * IMAGES images x 10 shapes (6 obstacle boxes, 4 surface polygons), about 1% of images with a
 * planted defect (too-small box, overlapping surfaces, wrong surface value, box outside).
 * Usage: java -cp CP GenerateSidewalk.java OUT IMAGES [--with-images]
 */
public class GenerateSidewalk {
  static final String[] OBSTACLES = {"person", "car", "bus", "bench", "pole", "tree_trunk", "bollard", "bicycle"};

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    int images = Integer.parseInt(args[1]);
    boolean withImages = args.length > 2 && args[2].equals("--with-images");
    Path src = out.resolveSibling(out.getFileName() + "-media");
    Random rnd = new Random(42);
    long shapes = 0;
    long[] planted = new long[5]; // by defect kind; [1] counts only boxes a 64 px limit applies to
    var format = FormatRegistry.load().require("trainset");
    try (ItemSink sink = format.writer().orElseThrow().open(out, DatasetSchema.empty(),
        new WriteOptions(withImages ? src : null, withImages), LossReport.lenient())) {
      for (int i = 0; i < images; i++) {
        int defect = rnd.nextInt(100) == 0 ? 1 + rnd.nextInt(4) : 0;
        List<Annotation> anns = new ArrayList<>();
        for (int b = 0; b < 6; b++) {
          double w = 70 + rnd.nextInt(200);
          double h = 70 + rnd.nextInt(300);
          double x = rnd.nextInt((int) (1920 - w));
          double y = rnd.nextInt((int) (540 - Math.min(h, 539)));
          if (defect == 1 && b == 0) { w = 40; h = 30; }
          if (defect == 4 && b == 1) { x = 1900; }
          String label = OBSTACLES[rnd.nextInt(OBSTACLES.length)];
          if (defect == 1 && b == 0 && !java.util.Set.of("person", "car", "bus", "bollard").contains(label)) planted[1]++;
          anns.add(new Box(meta("b" + b, label, Map.of()), x, y, w, h));
        }
        double split = 700 + rnd.nextInt(500);
        anns.add(poly("s0", "sidewalk", defect == 3 ? "gravel" : "blocks", 0, 540, split, 1080));
        anns.add(poly("s1", "roadway", "normal", defect == 2 ? split - 80 : split, 540, 1920, 1080));
        double mx = 100 + rnd.nextInt(300); // left of the braille strip (x >= 500)
        anns.add(poly("s2", "caution_zone", "manhole", mx, 800, mx + 90, 890));
        anns.add(poly("s3", "braille_guide_blocks", "normal", split - 200, 540, split - 176, 1080));
        shapes += anns.size();
        if (defect > 1) planted[defect]++;
        String name = "Surface_" + (i / 500) + "/img" + i + ".png";
        if (withImages) drawImage(src.resolve(name), anns);
        sink.accept(new Item("img" + i, null, List.of(MediaRef.image(name, 1920, 1080)), Map.of(), anns));
      }
      sink.commit();
    }
    System.out.println(images + " images, " + shapes + " shapes -> " + out + "; planted: " + planted[1]
        + " too-small boxes (64 px labels), " + planted[2] + " surface overlaps, " + planted[3]
        + " bad surface values, " + planted[4] + " boxes outside");
  }

  static AnnotationMeta meta(String id, String label, Map<String, Object> attrs) {
    return new AnnotationMeta(id, label, attrs, null, 0, false, null);
  }

  static Polygon poly(String id, String label, String surface, double x0, double y0, double x1, double y1) {
    return new Polygon(meta(id, label, Map.of("attribute", surface)), new double[] {x0, y0, x1, y0, x1, y1, x0, y1});
  }

  static void drawImage(Path file, List<Annotation> anns) throws Exception {
    Files.createDirectories(file.getParent());
    BufferedImage img = new BufferedImage(1920, 1080, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setPaint(new GradientPaint(0, 0, new Color(150, 190, 230), 0, 540, new Color(220, 230, 240)));
    g.fillRect(0, 0, 1920, 540);
    for (Annotation a : anns) {
      if (a instanceof Polygon p) {
        g.setColor(switch (p.label()) {
          case "sidewalk" -> new Color(180, 160, 140);
          case "roadway" -> new Color(90, 90, 95);
          case "caution_zone" -> new Color(60, 60, 60);
          default -> new Color(230, 200, 40);
        });
        double[] xy = p.points();
        g.fillRect((int) xy[0], (int) xy[1], (int) (xy[2] - xy[0]), (int) (xy[5] - xy[1]));
      } else if (a instanceof Box b) {
        g.setColor(new Color(40 + b.label().length() * 20, 90, 60));
        g.fillRoundRect((int) b.x(), (int) b.y(), (int) b.width(), (int) b.height(), 20, 20);
      }
    }
    g.dispose();
    ImageIO.write(img, "png", file.toFile());
  }
}
