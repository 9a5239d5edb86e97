package org.trainset.families;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.trainset.core.Datasets;
import org.trainset.core.FormatRegistry;
import org.trainset.core.convert.LossReport;
import org.trainset.core.model.Item;
import org.trainset.core.spi.Format;
import org.trainset.core.spi.ItemSink;
import org.trainset.core.spi.ReadOptions;
import org.trainset.core.spi.ReadPlan;
import org.trainset.core.spi.WriteOptions;

/** Test helper: a family read, written with a generic format's writer, and read back. */
public final class GenericExport {
  private static final FormatRegistry REGISTRY = FormatRegistry.load();

  private GenericExport() {}

  /** What came back, by item id, and the writer's loss report. */
  public record Result(Map<String, Item> items, LossReport loss) {}

  public static Result roundTrip(String familyId, Path sample, String targetId, Path out) throws IOException {
    Format family = REGISTRY.require(familyId);
    ReadPlan plan = Datasets.plan(family, sample, ReadOptions.defaults());
    List<Item> items = Datasets.readAll(plan, ReadOptions.defaults());
    Format writerFormat = REGISTRY.require(targetId);
    LossReport loss = LossReport.lenient();
    try (ItemSink sink = writerFormat.writer().orElseThrow().open(out, plan.schema(),
        new WriteOptions(plan.mediaRootFor(sample), false), loss)) {
      for (Item i : items) sink.accept(i);
      sink.commit();
    }
    // a write-only export is read back as whatever it is detected as (aihub.xray.voc -> voc)
    Format target = writerFormat.reader().isPresent() ? writerFormat : REGISTRY.detect(out);
    Map<String, Item> back = new TreeMap<>();
    for (Item i : Datasets.readAll(Datasets.plan(target, out, ReadOptions.defaults()), ReadOptions.defaults())) {
      back.put(i.id(), i);
    }
    return new Result(back, loss);
  }
}
