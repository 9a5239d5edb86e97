import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.trainset.core.FormatRegistry;
import org.trainset.core.convert.LossReport;
import org.trainset.core.model.DatasetSchema;
import org.trainset.core.model.Item;
import org.trainset.core.model.MediaRef;
import org.trainset.core.spi.ItemSink;
import org.trainset.core.spi.WriteOptions;
import org.trainset.testkit.images.SyntheticImages;

/**
 * N synthetic scenes (every 10th a resized copy of the one before, a near duplicate) as JPEG files
 * under DIR/media and a native dataset DIR/images listing them.
 * Usage: java -cp trainset.jar:trainset-testkit.jar bench/spark/GenerateImages.java DIR N WIDTH HEIGHT
 */
public class GenerateImages {
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int n = Integer.parseInt(args[1]), w = Integer.parseInt(args[2]), h = Integer.parseInt(args[3]);
    Path media = Files.createDirectories(dir.resolve("media"));
    try (ItemSink sink = FormatRegistry.load().require("trainset").writer().orElseThrow().open(dir.resolve("images"),
        DatasetSchema.empty(), new WriteOptions(media, false), LossReport.lenient())) {
      BufferedImage previous = null;
      for (int i = 0; i < n; i++) {
        BufferedImage img = i % 10 == 9 && previous != null ? SyntheticImages.resized(previous, 0.8)
            : SyntheticImages.scene(i, w, h);
        String name = String.format("img%06d.jpg", i);
        ImageIO.write(img, "jpg", media.resolve(name).toFile());
        sink.accept(new Item(String.format("%06d", i), null, List.of(MediaRef.image(name, null, null)), Map.of(), List.of()));
        previous = img;
      }
      sink.commit();
    }
  }
}
