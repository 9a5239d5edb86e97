package org.trainset.formats.trainset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.core.Datasets;
import org.trainset.core.FormatRegistry;
import org.trainset.core.convert.Conversion;
import org.trainset.core.convert.LossReport;
import org.trainset.core.io.InputException;
import org.trainset.core.model.AnnotationMeta;
import org.trainset.core.model.DatasetSchema;
import org.trainset.core.model.Item;
import org.trainset.core.model.ItemDocument;
import org.trainset.core.model.LabelDef;
import org.trainset.core.model.MediaRef;
import org.trainset.core.model.Tag;
import org.trainset.core.progress.Progress;
import org.trainset.core.spi.ItemSink;
import org.trainset.core.spi.ReadOptions;
import org.trainset.core.spi.WriteOptions;

/** Documents attached to items: kept by the native format (inline and by path), declared lost by others. */
class NativeDocumentsTest {
  private static final FormatRegistry REGISTRY = FormatRegistry.load();
  @TempDir Path dir;

  private static final ItemDocument INLINE = new ItemDocument("radiology_report.txt", "text/plain", ItemDocument.REPORT, null,
      "Findings:   mass\n  Impression: BI-RADS 5\n판독의", Map.of("kind", "radiology"));
  private static final ItemDocument BY_PATH = ItemDocument.file("reports/scan.pdf", ItemDocument.REPORT, Map.of("size", 7L));

  private Path source() throws IOException {
    Path media = dir.resolve("media-root");
    Files.createDirectories(media.resolve("reports"));
    Files.write(media.resolve("reports/scan.pdf"), new byte[] {'%', 'P', 'D', 'F', 9, 9, 9});
    Files.write(media.resolve("a.jpg"), new byte[] {1});
    Files.write(media.resolve("b.jpg"), new byte[] {2});
    Path out = dir.resolve("native");
    DatasetSchema schema = new DatasetSchema("docs", Map.of(), List.of(LabelDef.named("x")), List.of());
    try (ItemSink sink = REGISTRY.require(TrainsetFormat.ID).writer().orElseThrow()
        .open(out, schema, new WriteOptions(media, true), LossReport.strict())) {
      sink.accept(new Item("a", null, List.of(MediaRef.image("a.jpg", 10, 10)), Map.of(), List.of(new Tag(AnnotationMeta.of("x"))),
          List.of(INLINE, BY_PATH)));
      sink.accept(new Item("b", null, List.of(MediaRef.image("b.jpg", 10, 10)), Map.of(), List.of(new Tag(AnnotationMeta.of("x")))));
      sink.commit();
    }
    return out;
  }

  private static List<Item> read(String format, Path root) throws IOException {
    return Datasets.readAll(Datasets.plan(REGISTRY.require(format), root, ReadOptions.defaults()), ReadOptions.defaults());
  }

  @Test void nativeKeepsInlineAndFileDocumentsWithTheFileCopied() throws IOException {
    Path out = source();
    List<Item> back = read(TrainsetFormat.ID, out);
    assertEquals(List.of(INLINE, BY_PATH.withPath("media/reports/scan.pdf")), back.get(0).documents());
    assertEquals(List.of(), back.get(1).documents());
    assertEquals(7, Files.size(out.resolve("media/reports/scan.pdf")));
    // and again, native to native (strict: nothing may be lost)
    Path again = dir.resolve("again");
    var r = Conversion.run(REGISTRY.require(TrainsetFormat.ID), out, REGISTRY.require(TrainsetFormat.ID), again,
        ReadOptions.defaults(), new Conversion.Options(true, true, false), Progress.NONE);
    assertTrue(r.loss().isLossless());
    assertEquals(back.get(0).documents().get(0), read(TrainsetFormat.ID, again).get(0).documents().get(0));
  }

  @Test void otherFormatsPutEachDocumentOnTheLossReport() throws IOException {
    Path out = source();
    var r = Conversion.run(REGISTRY.require(TrainsetFormat.ID), out, REGISTRY.require("coco"), dir.resolve("coco"),
        ReadOptions.defaults(), new Conversion.Options(false, true, false), Progress.NONE);
    LossReport.Entry e = r.loss().entries().stream().filter(x -> "document (report)".equals(x.field())).findFirst()
        .orElseThrow(() -> new AssertionError(r.loss().describe()));
    assertEquals(2, e.count());
    assertEquals(LossReport.Kind.DROPPED, e.kind());
    assertTrue(e.detail().contains("coco"), e.detail());
    // strict mode refuses the conversion
    assertThrows(RuntimeException.class, () -> Conversion.run(REGISTRY.require(TrainsetFormat.ID), out, REGISTRY.require("coco"),
        dir.resolve("coco-strict"), ReadOptions.defaults(), new Conversion.Options(true, true, false), Progress.NONE));
  }

  @Test void inlineTextOverTheLimitIsRefusedNamingTheLine() throws IOException {
    Path out = source();
    Path shard = out.resolve("items/part-00000.jsonl");
    List<String> lines = Files.readAllLines(shard);
    String big = "x".repeat(ItemDocument.MAX_INLINE_BYTES + 1);
    lines.set(1, lines.get(1).replace("\"annotations\"", "\"documents\":[{\"name\":\"r.txt\",\"mediaType\":\"text/plain\",\"role\":\"report\",\"text\":\""
        + big + "\"}],\"annotations\""));
    Files.write(shard, lines);
    InputException e = assertThrows(InputException.class, () -> read(TrainsetFormat.ID, out));
    assertTrue(e.getMessage().contains("part-00000.jsonl") && e.getMessage().contains("documents[0]")
        && e.getMessage().contains("inline limit"), e.getMessage());
  }
}
