package org.trainset.cli.refine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.cli.Cli;
import org.trainset.testkit.text.KoreanCorpusGenerator;
import org.trainset.refine.text.Shingles;
import org.trainset.refine.text.TextNormalizer;

class DedupTextCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path tmp;

  static final String BASE = "오늘 서울의 날씨는 맑고 기온은 영상 십오도까지 오르겠으며 오후에는 바람이 조금 불겠습니다";
  static final String NEAR = "오늘 서울의 날씨는 맑고 기온은 영상 십오도까지 오르겠으며 오후에는 바람이 조금 불겠어요";

  private Path tsv(String... rows) throws Exception {
    Path p = tmp.resolve("in.tsv");
    Files.writeString(p, "id\tsource\ttarget\n" + String.join("\n", rows) + "\n", StandardCharsets.UTF_8);
    return p;
  }

  @Test void removesExactAndNearDuplicatesKeepsLowestIdAndReportsEveryPair() throws Exception {
    Path in = tsv(
        "s10\t" + NEAR + "\tToday Seoul is clear.",
        "s2\t" + BASE + "\tToday in Seoul it is sunny.",
        "s3\t  오늘  서울의 날씨는 맑고 기온은 영상 십오도까지 오르겠으며 오후에는 바람이 조금 불겠습니다!\tSame, with noise.",
        "s4\t내일은 부산에 비가 많이 내리겠으니 우산을 꼭 챙기시기 바랍니다\tTake an umbrella tomorrow in Busan.");
    Path out = tmp.resolve("out.tsv");
    Cli.Result r = Cli.run("dedup", "text", in.toString(), "--out", out.toString(), "--json");
    assertEquals(0, r.exitCode(), r.toString());
    JsonNode summary = JSON.readTree(r.out());
    assertEquals(4, summary.get("items").asInt());
    assertEquals(2, summary.get("removed").asInt());
    assertEquals(1, summary.get("removedExact").asInt());
    List<String> lines = Files.readAllLines(out);
    assertEquals("id\tsource\ttarget\tsource_lang\ttarget_lang", lines.get(0));
    assertEquals(List.of("s2", "s4"), lines.subList(1, lines.size()).stream().map(l -> l.split("\t")[0]).toList());

    JsonNode report = JSON.readTree(tmp.resolve("out.tsv.dedup.json").toFile());
    assertEquals(14, report.at("/settings/bands").asInt());
    assertEquals(9, report.at("/settings/rows").asInt());
    JsonNode removed = report.get("removed");
    assertEquals(2, removed.size());
    assertEquals("s3", removed.get(0).get("id").asText());
    assertEquals("exact", removed.get(0).get("rule").asText());
    assertEquals(1.0, removed.get(0).get("similarity").asDouble());
    assertEquals("s10", removed.get(1).get("id").asText());
    assertEquals("s2", removed.get(1).get("representative").asText());
    assertEquals("near", removed.get(1).get("rule").asText());
    double j = Shingles.jaccard(Shingles.of(TextNormalizer.normalize(BASE), 3), Shingles.of(TextNormalizer.normalize(NEAR), 3));
    assertTrue(j >= 0.85 && j < 1, "fixture is a near duplicate: " + j);
    assertEquals(Math.round(j * 10_000) / 10_000.0, removed.get(1).get("similarity").asDouble());
  }

  @Test void pairAwareBothKeepsAnAlternativeTranslation() throws Exception {
    Path in = tsv("a1\t" + BASE + "\tToday Seoul is sunny and warm.", "a2\t" + BASE + "\tIt rains all day in Busan tomorrow.");
    Path out = tmp.resolve("both.tsv");
    assertEquals(0, Cli.run("dedup", "text", in.toString(), "--out", out.toString(), "--side", "both").exitCode());
    assertEquals(3, Files.readAllLines(out).size(), "different translations: both kept");
    Path out2 = tmp.resolve("source.tsv");
    assertEquals(0, Cli.run("dedup", "text", in.toString(), "--out", out2.toString()).exitCode());
    assertEquals(2, Files.readAllLines(out2).size(), "source side decides by default");
  }

  @Test void jsonlKoEnAndNativeDatasetsWork() throws Exception {
    Path in = tmp.resolve("in.jsonl");
    Files.writeString(in, "{\"id\":\"1\",\"ko\":\"" + BASE + "\",\"en\":\"a\"}\n{\"id\":\"2\",\"ko\":\"" + NEAR + "\",\"en\":\"b\"}\n");
    Path out = tmp.resolve("out.jsonl");
    // {id, ko, en} lines are also the corpus family's JSON release layout, which detection prefers;
    // reading them as generic text JSONL is asked for explicitly.
    assertEquals("aihub.corpus.jsonl", Cli.run("detect", in.toString()).firstLine());
    Cli.Result r = Cli.run("dedup", "text", in.toString(), "--from", "text-jsonl", "--out", out.toString());
    assertEquals(0, r.exitCode(), r.toString());
    assertEquals(List.of("{\"id\":\"1\",\"ko\":\"" + BASE + "\",\"en\":\"a\"}"), Files.readAllLines(out));

    Path ds = tmp.resolve("native");
    assertEquals(0, Cli.run("convert", in.toString(), "--to", "trainset", "--out", ds.toString()).exitCode());
    Path dsOut = tmp.resolve("native-out");
    r = Cli.run("dedup", "text", ds.toString(), "--out", dsOut.toString(), "--json");
    assertEquals(0, r.exitCode(), r.toString());
    assertEquals("trainset", JSON.readTree(r.out()).get("to").asText());
    assertEquals(1, JSON.readTree(r.out()).get("removed").asInt());
  }

  @Test void sameSeedGivesByteIdenticalOutputAndReport() throws Exception {
    StringBuilder sb = new StringBuilder("id\ttext\n");
    for (var s : new KoreanCorpusGenerator(3).corpus(1500, 0.3)) sb.append(s.id()).append('\t').append(s.text()).append('\n');
    Path in = tmp.resolve("mono.tsv");
    Files.writeString(in, sb);
    for (String name : List.of("a", "b")) {
      Cli.Result r = Cli.run("dedup", "text", in.toString(), "--out", tmp.resolve(name + ".tsv").toString(), "--seed", "7",
          "--report", tmp.resolve(name + ".json").toString());
      assertEquals(0, r.exitCode(), r.toString());
    }
    assertArrayEquals(Files.readAllBytes(tmp.resolve("a.tsv")), Files.readAllBytes(tmp.resolve("b.tsv")));
    String ra = Files.readString(tmp.resolve("a.json")).replace("a.tsv", "X");
    String rb = Files.readString(tmp.resolve("b.json")).replace("b.tsv", "X");
    assertEquals(ra, rb);
    assertTrue(JSON.readTree(ra).at("/counts/removed").asInt() > 200);
  }

  @Test void badInputIsExit3AndLeavesEarlierOutputIntact() throws Exception {
    Path out = tmp.resolve("keep.tsv");
    Files.writeString(out, "earlier\n");
    Path in = tmp.resolve("bad.tsv");
    Files.writeString(in, "id\tsource\ttarget\nx1\tonly-two-cells\n");
    Cli.Result r = Cli.run("dedup", "text", in.toString(), "--out", out.toString());
    assertEquals(3, r.exitCode(), r.toString());
    assertTrue(r.err().contains("bad.tsv:2") && r.err().contains("tsv-columns"), r.err());
    assertEquals("earlier\n", Files.readString(out));
    assertFalse(Files.exists(tmp.resolve("keep.tsv.dedup.json")));
  }

  @Test void badSettingsAreUsageErrors() throws Exception {
    Path in = tsv("s1\t" + BASE + "\tx");
    assertEquals(2, Cli.run("dedup", "text", in.toString(), "--out", tmp.resolve("o.tsv").toString(), "--threshold", "1.5").exitCode());
    assertEquals(2, Cli.run("dedup", "text", in.toString(), "--out", in.toString()).exitCode());
    assertEquals(0, Cli.run("dedup", "text", "--help").exitCode());
  }
}
