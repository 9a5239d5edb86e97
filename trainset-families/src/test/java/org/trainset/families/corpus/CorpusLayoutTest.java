package org.trainset.families.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.core.Datasets;
import org.trainset.core.FormatRegistry;
import org.trainset.core.convert.LossReport;
import org.trainset.core.io.InputException;
import org.trainset.core.model.Item;
import org.trainset.core.sample.SampleOptions;
import org.trainset.core.spi.Format;
import org.trainset.core.spi.ItemSink;
import org.trainset.core.spi.ReadOptions;
import org.trainset.core.spi.WriteOptions;

/** Dialogues across sheets and files, sheet splitting, TSV/JSONL exports, openpyxl interop. */
class CorpusLayoutTest {
  static final FormatRegistry REGISTRY = FormatRegistry.load();
  @TempDir Path dir;

  static List<Item> read(String formatId, Path root) throws IOException {
    Format f = REGISTRY.require(formatId);
    return Datasets.readAll(Datasets.plan(f, root, ReadOptions.defaults()), ReadOptions.defaults());
  }

  static void write(CorpusWriter writer, Path out, List<Item> items) throws IOException {
    try (ItemSink sink = writer.open(out, org.trainset.core.model.DatasetSchema.empty(), WriteOptions.defaults(),
        LossReport.strict())) {
      for (Item i : items) sink.accept(i);
      sink.commit();
    }
  }

  /** A dialogue workbook whose set 7 starts on Sheet1 and continues on Sheet2. */
  private static void dialogueAcrossSheets(Path file) throws IOException {
    dialogueWorkbook(file, new String[][] {
        {"1|A-1|표 주세요.|A ticket, please.", "1|B-1|네.|Sure.", "7|A-1|안녕하세요.|Hello."},
        {"7|B-1|반갑습니다.|Nice to meet you.", "7|A-2|또 봬요.|See you again."}});
  }

  /** Rows as "set|speaker|원문|번역문", one array per sheet. */
  static void dialogueWorkbook(Path file, String[][] sheets) throws IOException {
    try (OutputStream os = Files.newOutputStream(file); Workbook wb = new Workbook(os, "test", "1.0")) {
      for (int s = 0; s < sheets.length; s++) {
        Worksheet ws = wb.newWorksheet("Sheet" + (s + 1));
        List<String> header = CorpusDomain.DIALOGUE.header();
        for (int c = 0; c < header.size(); c++) ws.value(0, c, header.get(c));
        for (int r = 0; r < sheets[s].length; r++) {
          String[] f = sheets[s][r].split("\\|");
          ws.value(r + 1, 0, "일상");
          ws.value(r + 1, 1, "교통");
          ws.value(r + 1, 2, "기차표 예매");
          ws.value(r + 1, 3, Integer.parseInt(f[0]));
          ws.value(r + 1, 4, f[1]);
          ws.value(r + 1, 5, f[2]);
          ws.value(r + 1, 6, f[3]);
        }
        ws.finish();
      }
    }
  }

  @Test
  void dialogueSpanningSheetsKeepsCountingTurns() throws IOException {
    dialogueAcrossSheets(dir.resolve("2_대화체.xlsx"));
    List<Item> items = read("aihub.corpus", dir);
    assertEquals(5, items.size());
    assertEquals(List.of("1/기차표 예매", "1/기차표 예매", "7/기차표 예매", "7/기차표 예매", "7/기차표 예매"),
        items.stream().map(i -> i.attributes().get("dialogue")).toList());
    assertEquals(List.of(1L, 2L, 1L, 2L, 3L), items.stream().map(i -> i.attributes().get("turn")).toList());
    assertEquals("A-2", items.get(4).attributes().get("발화자"));
    assertEquals(List.of("dialogue/1", "dialogue/2", "dialogue/3", "dialogue/4", "dialogue/5"),
        items.stream().map(Item::id).toList());
  }

  @Test
  void dialogueSpanningFilesKeepsCountingTurnsInReleaseOrder() throws IOException {
    // (2) must be read before (10): plain string order would put (10) first.
    dialogueWorkbook(dir.resolve("2_대화체(2).xlsx"), new String[][] {{"3|A-1|가요.|Let's go.", "3|B-1|좋아요.|OK."}});
    dialogueWorkbook(dir.resolve("2_대화체(10).xlsx"), new String[][] {{"3|A-2|출발!|Off we go!", "4|A-1|네?|Pardon?"}});
    List<Item> items = read("aihub.corpus", dir);
    assertEquals(List.of(1L, 2L, 3L, 1L), items.stream().map(i -> i.attributes().get("turn")).toList());
    assertEquals("출발!", ((org.trainset.core.model.TextPair) items.get(2).annotations().get(0)).source());
  }

  @Test
  void dialogueResumingAfterAnotherIsReportedAndStillCounted() throws IOException {
    dialogueWorkbook(dir.resolve("2_대화체.xlsx"), new String[][] {{"1|A-1|가|a", "2|A-1|나|b", "1|B-1|다|c"}});
    List<org.trainset.core.issue.Issue> problems = new ArrayList<>();
    ReadOptions collect = ReadOptions.defaults().withProblems(problems::add);
    Format f = REGISTRY.require("aihub.corpus");
    List<Item> items = Datasets.readAll(Datasets.plan(f, dir, collect), collect);
    assertEquals(2L, items.get(2).attributes().get("turn"));
    assertEquals(1, problems.size());
    assertEquals("corpus-dialogue-interleaved", problems.get(0).rule());
    assertEquals(4, problems.get(0).line());
    assertTrue(problems.get(0).file().endsWith("2_대화체.xlsx"), problems.get(0).file());
    // A warning: the default read reports nothing fatal and yields the same items.
    assertEquals(items, read("aihub.corpus", dir));
  }

  @Test
  void xlsxWriterSplitsSheetsAtTheRowLimitWithHeaders() throws IOException {
    Path src = dir.resolve("src");
    new CorpusSampleGenerator().generate(src, new SampleOptions(60, 5, false));
    List<Item> items = read("aihub.corpus", src);
    Path out = dir.resolve("out");
    write(new CorpusWriter(CorpusFlavor.XLSX, 5), out, items);
    String sheets = python("import openpyxl,sys\nwb=openpyxl.load_workbook(sys.argv[1])\n"
        + "print(len(wb.sheetnames), [ws.max_row for ws in wb.worksheets][0], wb.worksheets[1]['A1'].value)",
        out.resolve("3_문어체_뉴스.xlsx").toString());
    long news = items.stream().filter(i -> "news".equals(i.attributes().get("domain"))).count();
    assertEquals(((news + 3) / 4) + " 5 ID", sheets.strip());
    assertEquals(items, read("aihub.corpus", out));
  }

  @Test
  void openpyxlReadsTheSameCellsTrainsetWrote() throws IOException {
    Path src = dir.resolve("src");
    new CorpusSampleGenerator().generate(src, new SampleOptions(30, 11, false));
    List<Item> items = read("aihub.corpus", src);
    Path out = dir.resolve("out");
    write(new CorpusWriter(CorpusFlavor.XLSX), out, items);
    String dump = python("import openpyxl,sys,glob,os\n"
        + "for f in sorted(glob.glob(os.path.join(sys.argv[1],'*.xlsx'))):\n"
        + "  for ws in openpyxl.load_workbook(f).worksheets:\n"
        + "    rows=list(ws.iter_rows(values_only=True)); h=rows[0]\n"
        + "    for r in rows[1:]: print(r[h.index('원문')] + '\\t' + r[h.index('번역문')] + '\\t' + str(r[0]))\n",
        out.toString());
    List<String> expected = new ArrayList<>();
    for (String domain : List.of("spoken", "dialogue", "news", "culture", "ordinance", "municipal")) {
      for (Item i : items) {
        if (!domain.equals(i.attributes().get("domain"))) continue;
        var p = (org.trainset.core.model.TextPair) i.annotations().get(0);
        Object first = domain.equals("dialogue") ? i.attributes().get("대분류")
            : i.attributes().get(domain.equals("spoken") ? "SID" : "ID");
        expected.add(p.source() + "\t" + p.target() + "\t" + first);
      }
    }
    assertEquals(expected, dump.lines().toList());
  }

  @Test
  void tsvAndJsonlHoldTheSameItems() throws IOException {
    Path src = dir.resolve("src");
    new CorpusSampleGenerator().generate(src, new SampleOptions(30, 2, false));
    List<Item> items = read("aihub.corpus", src);
    for (CorpusFlavor f : List.of(CorpusFlavor.TSV, CorpusFlavor.JSONL)) {
      Path out = dir.resolve(f.name());
      write(new CorpusWriter(f), out, items);
      assertEquals(f.formatId(), REGISTRY.detect(out).id());
      assertEquals(items, read(f.formatId(), out), f.formatId());
    }
    String tsvHead = Files.readAllLines(dir.resolve("TSV/3_문어체_뉴스.tsv")).get(0);
    assertEquals("ID\t날짜\t자동분류1\t자동분류2\t자동분류3\tURL\t언론사\t원문\t번역문", tsvHead);
  }

  @Test
  void tsvEscapesTabsAndNewlinesInSentences() throws IOException {
    Path f = dir.resolve("1_구어체.tsv");
    Files.writeString(f, "SID\t원문\t번역문\n5\t첫 줄\\n둘째\\t줄\tline one\\nline\\\\two\n", StandardCharsets.UTF_8);
    Item i = read("aihub.corpus.tsv", dir).get(0);
    var p = (org.trainset.core.model.TextPair) i.annotations().get(0);
    assertEquals("첫 줄\n둘째\t줄", p.source());
    assertEquals("line one\nline\\two", p.target());
    assertEquals("spoken/5", i.id());
  }

  @Test
  void headerWithoutSentenceColumnsNamesFileAndRow() throws IOException {
    Path f = dir.resolve("3_문어체_뉴스.tsv");
    Files.writeString(f, "ID\tKorean\tEnglish\n1\t가\tA\n", StandardCharsets.UTF_8);
    InputException e = assertThrows(InputException.class, () -> read("aihub.corpus.tsv", dir));
    assertEquals("corpus-header", e.rule());
    assertTrue(e.getMessage().contains("3_문어체_뉴스.tsv:2"), e.getMessage());
  }

  @Test
  void brokenSheetXmlNamesFileSheetAndRow() throws IOException {
    Path src = dir.resolve("src");
    new CorpusSampleGenerator().generate(src, new SampleOptions(30, 2, false));
    Path news = src.resolve("3_문어체_뉴스(1).xlsx");
    // Cut the sheet's XML inside row 6 (the 5th data row), as a half-written file would be.
    org.trainset.families.samples.ReproducibleZip.normalise(news, "xl/worksheets/sheet1.xml",
        xml -> xml.substring(0, xml.indexOf("<row r=\"6\"") + 20));
    InputException e = assertThrows(InputException.class, () -> read("aihub.corpus", src));
    assertTrue(e.getMessage().contains("3_문어체_뉴스(1).xlsx"), e.getMessage());
    assertTrue(e.getMessage().contains("sheet 'Sheet1'"), e.getMessage());
    assertEquals(6, e.line(), e.getMessage());
  }

  private static List<String> list(Path d) throws IOException {
    try (var s = Files.list(d)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** Runs Debian's python3 with openpyxl; fails (not skips) when it is missing. */
  static String python(String script, String arg) throws IOException {
    Process p = new ProcessBuilder("/usr/bin/python3", "-W", "ignore", "-c", script, arg).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), "python timed out");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    assertEquals(0, p.exitValue(), "python3/openpyxl failed (install python3-openpyxl):\n" + out);
    return out;
  }
}
