package org.trainset.families;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trainset.core.Datasets;
import org.trainset.core.FormatRegistry;
import org.trainset.core.convert.LossReport;
import org.trainset.core.model.Item;
import org.trainset.core.sample.SampleGenerator;
import org.trainset.core.sample.SampleOptions;
import org.trainset.core.spi.Format;
import org.trainset.core.spi.ItemSink;
import org.trainset.core.spi.ReadOptions;
import org.trainset.core.spi.ReadPlan;
import org.trainset.core.spi.WriteOptions;
import org.trainset.families.corpus.CorpusSampleGenerator;
import org.trainset.families.ocr.OcrSampleGenerator;

/**
 * The KO–EN corpus and OCR release-layout writers write through {@code StagedSink}: a run that
 * fails midway (items accepted, then the run ends without commit) leaves the earlier output byte
 * for byte and no staging folder; staging left by a killed process is removed by the next run.
 */
class ReleaseLayoutStagingTest {
  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"aihub.corpus", "aihub.ocr"})
  void aFailedRunLeavesTheEarlierOutputIntact(String formatId) throws Exception {
    Format format = FormatRegistry.load().require(formatId);
    SampleGenerator generator = formatId.equals("aihub.ocr") ? new OcrSampleGenerator() : new CorpusSampleGenerator();
    Path src = tmp.resolve("src");
    generator.generate(src, new SampleOptions(6, 3, false, null));
    ReadPlan plan = Datasets.plan(format, src, ReadOptions.defaults());
    List<Item> items = Datasets.readAll(plan, ReadOptions.defaults());
    assertTrue(items.size() >= 4, "sample items: " + items.size());
    WriteOptions options = new WriteOptions(plan.mediaRootFor(src), true);

    Path out = tmp.resolve("out");
    try (ItemSink sink = format.writer().orElseThrow().open(out, plan.schema(), options, LossReport.lenient())) {
      for (Item i : items) sink.accept(i);
      sink.commit();
    }
    Map<String, String> before = snapshot(out);
    assertFalse(before.isEmpty());
    // a killed process's staging (pid 2^31-2 is not running) is removed by the next run
    Path stale = Files.createDirectory(tmp.resolve(".out.staging-2147483646-0"));
    Files.writeString(stale.resolve("half.json"), "{");

    RuntimeException failure = new IllegalStateException("reader failed at item 3");
    try (ItemSink sink = format.writer().orElseThrow().open(out, plan.schema(), options, LossReport.lenient())) {
      for (int i = 0; i < 3; i++) sink.accept(items.get(items.size() - 1 - i));
      throw failure;
    } catch (IllegalStateException e) {
      assertEquals(failure, e);
    }
    assertEquals(before, snapshot(out), "the earlier output is unchanged");
    try (Stream<Path> s = Files.list(tmp)) {
      assertEquals(List.of(), s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".out.")).toList(),
          "no staging left beside the output");
    }
    // and the reader still reads every earlier item
    assertEquals(items.size(), Datasets.readAll(Datasets.plan(format, out, ReadOptions.defaults()), ReadOptions.defaults()).size());
  }

  private static Map<String, String> snapshot(Path dir) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        out.put(dir.relativize(p).toString(), java.util.HexFormat.of().formatHex(
            java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
      }
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
    return out;
  }
}
