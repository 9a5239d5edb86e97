package org.trainset.refine.images;

import org.trainset.testkit.images.SyntheticImages;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.trainset.core.FormatRegistry;
import org.trainset.core.convert.LossReport;
import org.trainset.core.model.AnnotationMeta;
import org.trainset.core.model.DatasetSchema;
import org.trainset.core.model.Item;
import org.trainset.core.model.MediaRef;
import org.trainset.core.model.Tag;
import org.trainset.core.spi.ItemSink;
import org.trainset.core.spi.WriteOptions;

/** Builds image datasets in the native format for refine tests. */
public final class ImageFixtures {
  private ImageFixtures() {}

  public static void jpeg(BufferedImage img, Path file, float quality) throws IOException {
    SyntheticImages.writeJpeg(img, file, quality);
  }

  /** A native dataset at {@code dir} with one item per image (paths relative to {@code mediaRoot}, one tag label each). */
  public static void dataset(Path dir, Path mediaRoot, List<String[]> idPathLabel) throws IOException {
    List<Item> items = new ArrayList<>();
    for (String[] x : idPathLabel) {
      items.add(new Item(x[0], null, List.of(MediaRef.image(x[1], null, null)), Map.of(),
          x[2] == null ? List.of() : List.of(new Tag(AnnotationMeta.of(x[2])))));
    }
    var writer = FormatRegistry.load().require("trainset").writer().orElseThrow();
    try (ItemSink sink = writer.open(dir, DatasetSchema.empty(), new WriteOptions(mediaRoot, false), LossReport.lenient())) {
      for (Item i : items) sink.accept(i);
      sink.commit();
    }
  }
}
