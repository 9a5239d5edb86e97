package org.trainset.spark;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.trainset.core.Datasets;
import org.trainset.core.convert.Conversion;
import org.trainset.core.convert.LossReport;
import org.trainset.core.io.AtomicOutput;
import org.trainset.core.model.DatasetSchema;
import org.trainset.core.model.Item;
import org.trainset.core.spi.DatasetWriter;
import org.trainset.core.spi.ItemCursor;
import org.trainset.core.spi.ItemSink;
import org.trainset.core.spi.ReadOptions;
import org.trainset.core.spi.WriteOptions;
import org.trainset.formats.trainset.TrainsetFormat;

/**
 * {@code convert} on Spark into the native {@code trainset} format, the interchange form: every
 * task writes its part with the unchanged native writer into a folder of its own inside the
 * output's staging folder (one shard per partition); when every task succeeded the driver puts
 * the shards in part order under {@code items/} and publishes the whole folder at once
 * ({@link AtomicOutput}). A failed task leaves no output and an existing one untouched. Reading
 * the result gives the same items, in the same order, as the single-process conversion.
 * On a cluster OUT must be on storage every executor writes to (a shared mount).
 */
public final class SparkConversion {
  private SparkConversion() {}

  /** The conversion's result (the same record as {@link Conversion#run}) and the shards written. */
  public record Result(SparkInput input, Conversion.Result conversion, int shards) { }

  record PartWritten(long items, long annotations, List<LossReport.Entry> losses) implements Serializable { }

  private static final String PARTS = ".parts";

  public static Result run(JavaSparkContext jsc, String data, String formatId, Path out, ReadOptions options,
                           boolean strict) throws IOException {
    SparkInput input = SparkInput.plan(jsc, data, formatId, options, options.problems());
    DatasetSchema schema = input.plan().schema();
    String mediaRoot = input.plan().mediaRootFor(input.root()).toString();
    try (AtomicOutput output = AtomicOutput.directory(out)) {
      String partsDir = output.path().resolve(PARTS).toString();
      List<PartWritten> written = PartJobs.run(jsc, input.plan().parts(), input.options(), "trainset convert " + data,
          (index, part, opts) -> {
            LossReport loss = new LossReport(strict);
            long items = 0;
            long annotations = 0;
            DatasetWriter writer = new TrainsetFormat().writer().orElseThrow();
            try (ItemSink sink = writer.open(Path.of(partsDir, String.format("part-%05d", index)), schema,
                new WriteOptions(Path.of(mediaRoot), false), loss);
                 ItemCursor cursor = part.open(opts)) {
              for (Item i = cursor.next(); i != null; i = cursor.next()) {
                loss.atItem(i.id());
                sink.accept(i);
                items++;
                annotations += i.annotations().size();
              }
              sink.commit();
            }
            return new PartWritten(items, annotations, loss.entries());
          });
      if (written.stream().mapToLong(PartWritten::items).sum() == 0) Datasets.requireRecognised(input.format(), input.root());
      int shards = assemble(output.path(), schema, Path.of(mediaRoot), written.size());
      output.commit();
      LossReport loss = new LossReport(strict);
      long items = 0;
      long annotations = 0;
      for (PartWritten w : written) {
        items += w.items();
        annotations += w.annotations();
        loss.add(w.losses());
      }
      // The native format holds everything, so what was read is what was written.
      return new Result(input, new Conversion.Result(items, annotations, items, annotations, loss), shards);
    }
  }

  /** Moves every part's shards, in part order, under {@code items/} of the staged output. */
  private static int assemble(Path staged, DatasetSchema schema, Path mediaRoot, int parts) throws IOException {
    Path partsDir = staged.resolve(PARTS);
    if (parts == 0) {
      // No part to take the dataset file from: the writer writes an empty dataset.
      try (ItemSink sink = new TrainsetFormat().writer().orElseThrow().open(partsDir.resolve("empty"), schema,
          new WriteOptions(mediaRoot, false), LossReport.lenient())) {
        sink.commit();
      }
    }
    Path first = partsDir.resolve(parts == 0 ? "empty" : "part-00000");
    try (Stream<Path> top = Files.list(first)) {
      for (Path p : top.filter(p -> !p.getFileName().toString().equals("items")).toList()) {
        Files.move(p, staged.resolve(p.getFileName().toString()));
      }
    }
    Path items = Files.createDirectories(staged.resolve("items"));
    int shard = 0;
    for (int k = 0; k < parts; k++) {
      Path dir = partsDir.resolve(String.format("part-%05d", k)).resolve("items");
      if (!Files.isDirectory(dir)) continue;
      try (Stream<Path> s = Files.list(dir)) {
        for (Path f : s.sorted().toList()) {
          Files.move(f, items.resolve(String.format("part-%05d.jsonl", shard++)));
        }
      }
    }
    AtomicOutput.deleteRecursively(partsDir);
    return shard;
  }
}
