package org.trainset.families.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.trainset.core.Datasets;
import org.trainset.core.convert.LossReport;
import org.trainset.core.model.DatasetSchema;
import org.trainset.core.model.Item;
import org.trainset.core.sample.SampleOptions;
import org.trainset.core.spi.ItemSink;
import org.trainset.core.spi.ReadOptions;
import org.trainset.core.spi.WriteOptions;
import org.trainset.testkit.FormatContract;

/** The contract for the corpus export formats, on the generator's xlsx corpus exported to each. */
abstract class CorpusExportContract extends FormatContract {
  static final int ITEMS = 33;

  /** The export under test. */
  abstract CorpusFlavor flavor();

  @Override protected Path sample() throws IOException {
    Path dir = tempDir.resolve(formatId());
    if (!Files.exists(dir)) {
      Path xlsx = tempDir.resolve("xlsx");
      new CorpusSampleGenerator().generate(xlsx, new SampleOptions(ITEMS, 21, false));
      var xf = REGISTRY.require("aihub.corpus");
      try (ItemSink sink = new CorpusWriter(flavor()).open(dir, DatasetSchema.empty(), WriteOptions.defaults(),
          LossReport.strict())) {
        for (Item i : Datasets.readAll(Datasets.plan(xf, xlsx, ReadOptions.defaults()), ReadOptions.defaults())) sink.accept(i);
        sink.commit();
      }
    }
    return dir;
  }

  @Override protected long expectedItems() { return ITEMS; }
  @Override protected long expectedAnnotations() { return ITEMS; }
  @Override protected Map<String, Long> expectedByType() { return Map.of("text_pair", (long) ITEMS); }
}
