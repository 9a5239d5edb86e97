package org.trainset.refine.bench;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.trainset.core.FormatRegistry;
import org.trainset.core.progress.Progress;
import org.trainset.core.spi.Format;
import org.trainset.core.spi.ReadOptions;
import org.trainset.refine.text.DedupConfig;
import org.trainset.refine.text.DedupResult;
import org.trainset.testkit.text.KoreanCorpusGenerator;
import org.trainset.refine.text.RecallHarness;
import org.trainset.refine.text.Side;
import org.trainset.refine.text.TextDedup;
import org.trainset.refine.text.TextDeduplicator;
import org.trainset.refine.text.TextNormalizer;

/**
 * Benchmark (not a test): {@code dedup text} end to end on N generated Korean sentences in a
 * text-tsv file (read, normalise, exact + MinHash/LSH + verify, write TSV and report), then the
 * recall harness on an enriched sample of the same corpus. Args: [sentences] [workdir].
 */
public final class TextDedupBench {
  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_600_000;
    Path dir = Files.createDirectories(Path.of(args.length > 1 ? args[1] : "/tmp/trainset-bench-text"));
    long t0 = System.nanoTime();
    List<KoreanCorpusGenerator.Sentence> corpus = new KoreanCorpusGenerator(2024).corpus(n, 0.10);
    Path in = dir.resolve("corpus.tsv");
    try (BufferedWriter w = Files.newBufferedWriter(in, StandardCharsets.UTF_8)) {
      w.write("id\ttext\n");
      for (var s : corpus) w.append(s.id()).append('\t').append(s.text()).append('\n');
    }
    System.out.printf("generated %d sentences (%.1f MB, avg %.1f eojeol) in %.1f s%n", n, Files.size(in) / 1e6,
        corpus.stream().mapToInt(s -> s.text().split(" ").length).average().orElse(0), (System.nanoTime() - t0) / 1e9);

    Format tsv = FormatRegistry.load().require("text-tsv");
    DedupConfig config = DedupConfig.DEFAULT;
    System.gc();
    double c1 = Cpu.seconds();
    long t1 = System.nanoTime();
    TextDedup.Outcome r = TextDedup.run(tsv, in, tsv, dir.resolve("dedup.tsv"), dir.resolve("dedup.json"),
        new TextDedup.Options(config, Side.SOURCE), ReadOptions.defaults(), Progress.NONE);
    double secs = (System.nanoTime() - t1) / 1e9;
    double cpu = Cpu.seconds() - c1;
    System.out.printf("CPU time %.1f s (= %.1f s of wall time on 2 idle cores; machine load average %.1f)%n", cpu, cpu / 2,
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    System.out.printf("dedup text: %d sentences in %.1f s (%.0f sentences/s) on %d cores; removed %d (%d exact, %d near); "
            + "%d LSH candidates; bands %d x rows %d%n", r.items(), secs, r.items() / secs,
        Runtime.getRuntime().availableProcessors(), r.result().removedCount(), r.result().removedExact(),
        r.result().removedCount() - r.result().removedExact(), r.result().candidatePairs(), r.result().lsh().bands(),
        r.result().lsh().rows());

    // Recall: exact all-pairs Jaccard over a sample enriched with planted pairs.
    String[] norm = corpus.stream().map(s -> TextNormalizer.normalize(s.text())).toArray(String[]::new);
    String[] ids = corpus.stream().map(KoreanCorpusGenerator.Sentence::id).toArray(String[]::new);
    DedupResult full = new TextDeduplicator(config).run(ids, norm, null, Progress.NONE);
    int[] sample = RecallHarness.enrichedSample(corpus, 3000, 2000, 5);
    RecallHarness.Report rep = RecallHarness.measure(sample, norm, full, config);
    System.out.print(RecallHarness.describe(rep, config.threshold()));
  }
}
