package org.trainset.cli.refine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.trainset.core.FormatRegistry;
import org.trainset.core.convert.LossReport;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.DatasetSchema;
import org.trainset.core.model.Item;
import org.trainset.core.model.MediaRef;
import org.trainset.core.spi.ItemSink;
import org.trainset.core.spi.WriteOptions;

/** Native image datasets for the refine CLI tests: media stay in {@code mediaRoot}. */
final class RefineFixtures {
  private RefineFixtures() {}

  record Row(String id, String path, List<Annotation> annotations) {}

  static void dataset(Path dir, Path mediaRoot, List<Row> rows) throws IOException {
    List<Item> items = new ArrayList<>();
    for (Row r : rows) items.add(new Item(r.id(), null, List.of(MediaRef.image(r.path(), null, null)), Map.of(), r.annotations()));
    var writer = FormatRegistry.load().require("trainset").writer().orElseThrow();
    try (ItemSink sink = writer.open(dir, DatasetSchema.empty(), new WriteOptions(mediaRoot, false), LossReport.lenient())) {
      for (Item i : items) sink.accept(i);
      sink.commit();
    }
  }

  static Row tagged(String id, String path, String label) {
    return new Row(id, path, label == null ? List.of()
        : List.of(new org.trainset.core.model.Tag(org.trainset.core.model.AnnotationMeta.of(label))));
  }
}
