package org.trainset.cli.inspect;

import org.trainset.formats.trainset.TrainsetFormat;
import org.trainset.cli.LimitOptions;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.trainset.cli.DatasetInput;
import org.trainset.cli.Json;
import org.trainset.cli.OutputOptions;
import org.trainset.cli.Verb;
import org.trainset.core.Datasets;
import org.trainset.core.convert.LossReport;
import org.trainset.core.io.AtomicOutput;
import org.trainset.core.io.InputException;
import org.trainset.core.model.Item;
import org.trainset.core.spi.Format;
import org.trainset.core.spi.ItemCursor;
import org.trainset.core.spi.ItemSink;
import org.trainset.core.spi.ReadOptions;
import org.trainset.core.spi.ReadPlan;
import org.trainset.core.spi.WriteOptions;
import org.trainset.inspect.agreement.DualReadConsensus;
import org.trainset.inspect.agreement.ShapeMatching;
import org.trainset.core.geometry.Shapes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "consensus", mixinStandardHelpOptions = true,
    description = {"Dual reading: match two readers' datasets item by item (shapes by IoU, optimal assignment),",
        "report per-label agreement, and write the consensus (only agreeing labels) in the native format with",
        "the disagreements as JSONL. Reader B is held in memory (dual-read sets are thousands of items)."})
public final class QaConsensusVerb implements Verb {
  @Spec CommandSpec spec;
  @Mixin OutputOptions output;
  @Mixin LimitOptions limits;
  @Parameters(index = "0", paramLabel = "READER_A") Path readerA;
  @Parameters(index = "1", paramLabel = "READER_B") Path readerB;
  @Option(names = "--out", paramLabel = "DIR", description = "Write the consensus dataset (native trainset format) here.") Path out;
  @Option(names = "--disagreements", paramLabel = "FILE", description = "Write the disagreements (JSONL) here.") Path disagreementsFile;
  @Option(names = "--iou", defaultValue = "0.5", description = "IoU at which two shapes are the same object (default ${DEFAULT-VALUE}).")
  double iou;

  @Override public Class<?> group() {
    return QaGroup.class;
  }

  @Override public Integer call() throws Exception {
    Map<String, Item> b = new HashMap<>();
    Format fb = DatasetInput.formatOf(readerB, null);
    ReadOptions options = limits.readOptions();
    for (Item i : Datasets.readAll(Datasets.plan(fb, readerB, options), options)) b.put(i.id(), i);
    Format fa = DatasetInput.formatOf(readerA, null);
    ReadPlan planA = Datasets.plan(fa, readerA, options);
    DualReadConsensus consensus = new DualReadConsensus(iou);
    ShapeMatching.LabelAgreement agreement = new ShapeMatching.LabelAgreement();
    long items = 0;
    long disagreements = 0;
    ItemSink sink = out == null ? null : DatasetInput.registry().require(TrainsetFormat.ID).writer().orElseThrow()
        .open(out, planA.schema(), WriteOptions.defaults(), LossReport.lenient());
    AtomicOutput dis = disagreementsFile == null ? null : AtomicOutput.file(disagreementsFile);
    try (ItemCursor cursor = Datasets.cursor(planA, options);
         BufferedWriter w = dis == null ? null : Files.newBufferedWriter(dis.path(), StandardCharsets.UTF_8)) {
      for (Item a = cursor.next(); a != null; a = cursor.next()) {
        Item other = b.remove(a.id());
        if (other == null) throw InputException.atItem(readerB, a.id(), "dual-read", "reader B has no item '" + a.id() + "'");
        items++;
        var shapesA = a.annotations().stream().filter(x -> Shapes.outline(x) != null).toList();
        var shapesB = other.annotations().stream().filter(x -> Shapes.outline(x) != null).toList();
        agreement.add(shapesA, shapesB, ShapeMatching.match(shapesA, shapesB, iou));
        DualReadConsensus.Outcome o = consensus.combine(a, other);
        disagreements += o.disagreements().size();
        if (sink != null) sink.accept(o.consensus());
        if (w != null) {
          for (var d : o.disagreements()) {
            ObjectNode n = Json.object().put("item", d.itemId()).put("kind", d.kind());
            if (d.labelA() != null) n.put("labelA", d.labelA());
            if (d.labelB() != null) n.put("labelB", d.labelB());
            if (d.iou() > 0) n.put("iou", d.iou());
            w.write(Json.write(n));
            w.write('\n');
          }
        }
      }
      if (!b.isEmpty()) {
        throw InputException.atItem(readerA, b.keySet().iterator().next(), "dual-read", "reader A has no such item");
      }
      if (w != null) w.close();
      if (sink != null) sink.commit();
      if (dis != null) dis.commit();
    } finally {
      if (sink != null) sink.close();
      if (dis != null) dis.close();
    }
    var o = spec.commandLine().getOut();
    if (output.json) {
      ObjectNode root = Json.object().put("items", items).put("disagreements", disagreements);
      ObjectNode labels = root.putObject("labels");
      agreement.counts().forEach((label, c) -> labels.putObject(label).put("agreed", c[0]).put("onlyA", c[1])
          .put("onlyB", c[2]).put("agreement", agreement.agreement(label)));
      o.println(Json.write(root));
    } else {
      o.printf("%d items, %d disagreements%n", items, disagreements);
      agreement.counts().forEach((label, c) -> o.printf("%-20s agreed %d, only A %d, only B %d, agreement %.3f%n",
          label, c[0], c[1], c[2], agreement.agreement(label)));
    }
    return 0;
  }
}
