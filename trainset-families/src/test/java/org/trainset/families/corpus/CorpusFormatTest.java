package org.trainset.families.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.trainset.core.model.Item;
import org.trainset.core.model.TextPair;
import org.trainset.core.sample.SampleOptions;
import org.trainset.core.sample.SampleSummary;
import org.trainset.testkit.FormatContract;

/** The contract on generator output, plus what the corpus layout promises. */
class CorpusFormatTest extends FormatContract {
  static final int ITEMS = 40;
  private SampleSummary summary;

  @Override protected String formatId() { return "aihub.corpus"; }

  @Override protected Path sample() throws IOException {
    Path dir = tempDir.resolve("corpus");
    if (!Files.exists(dir)) summary = new CorpusSampleGenerator().generate(dir, new SampleOptions(ITEMS, 7, false));
    return dir;
  }

  @Override protected long expectedItems() { return ITEMS; }
  @Override protected long expectedAnnotations() { return ITEMS; }
  @Override protected Map<String, Long> expectedByType() { return Map.of("text_pair", (long) ITEMS); }

  @Test
  void generatorWritesTheReleaseFileNamesAndReportsWhatIsRead() throws IOException {
    Path dir = sample();
    try (Stream<Path> s = Files.list(dir)) {
      assertEquals(List.of("1_구어체(1)_200226.xlsx", "2_대화체.xlsx", "3_문어체_뉴스(1).xlsx", "3_문어체_뉴스(2).xlsx",
          "4_문어체_한국문화.xlsx", "5_문어체_조례.xlsx", "6_문어체_지자체웹사이트.xlsx"),
          s.map(p -> p.getFileName().toString()).sorted().toList());
    }
    List<Item> items = readAll(dir);
    assertEquals(summary.items(), items.size());
    Map<CorpusDomain, Integer> alloc = CorpusSampleGenerator.allocate(ITEMS);
    assertEquals((long) alloc.get(CorpusDomain.NEWS), items.stream().filter(i -> "news".equals(i.attributes().get("domain"))).count());
  }

  @Test
  void newsRowsCarryTheirColumnsAndNumberingContinuesAcrossFiles() throws IOException {
    List<Item> news = readAll(sample()).stream().filter(i -> "news".equals(i.attributes().get("domain"))).toList();
    for (int n = 0; n < news.size(); n++) {
      Item i = news.get(n);
      assertEquals("news/" + (n + 1), i.id());
      assertEquals((long) (n + 1), i.attributes().get("ID"));
      long date = (Long) i.attributes().get("날짜");
      assertTrue(date >= 20180601L && date <= 20190531L, "date " + date);
      assertTrue(i.attributes().get("URL").toString().startsWith("https://"));
      TextPair p = (TextPair) i.annotations().get(0);
      assertEquals("ko", p.sourceLanguage());
      assertTrue(p.source().chars().anyMatch(c -> c >= 0xAC00 && c <= 0xD7A3), p.source());
      assertTrue(p.target().chars().allMatch(c -> c < 0x3000), p.target());
    }
  }

  @Test
  void dialogueRowsAreGroupedWithSpeakersAndTurns() throws IOException {
    List<Item> dlg = readAll(sample()).stream().filter(i -> "dialogue".equals(i.attributes().get("domain"))).toList();
    assertTrue(dlg.size() >= 2);
    String current = null;
    long expectedTurn = 0;
    for (Item i : dlg) {
      String d = (String) i.attributes().get("dialogue");
      expectedTurn = d.equals(current) ? expectedTurn + 1 : 1;
      current = d;
      assertEquals(expectedTurn, i.attributes().get("turn"), i.id());
      assertEquals(i.attributes().get("Set Nr.") + "/" + i.attributes().get("상황"), d);
      String speaker = (String) i.attributes().get("발화자");
      assertEquals(expectedTurn % 2 == 1 ? 'A' : 'B', speaker.charAt(0), i.id());
    }
  }

  @Test
  void sameSeedSameBytes() throws IOException {
    Path a = tempDir.resolve("a");
    Path b = tempDir.resolve("b");
    new CorpusSampleGenerator().generate(a, new SampleOptions(25, 3, true));
    new CorpusSampleGenerator().generate(b, new SampleOptions(25, 3, true));
    try (Stream<Path> s = Files.list(a)) {
      for (Path f : s.sorted().toList()) {
        assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(b.resolve(f.getFileName().toString())), f.toString());
      }
    }
  }
}
