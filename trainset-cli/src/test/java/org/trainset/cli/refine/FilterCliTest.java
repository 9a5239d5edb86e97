package org.trainset.cli.refine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.cli.Cli;

class FilterCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path tmp;

  private Path pairs() throws Exception {
    Path p = tmp.resolve("pairs.tsv");
    Files.writeString(p, String.join("\n",
        "id\tsource\ttarget",
        "ok1\t나는 오늘 아침에 학교에 가서 친구들과 함께 재미있는 수업을 들었다\tThis morning I went to school and attended a fun class with my friends.",
        "short\t안녕\tHi",
        "empty\t나는 오늘 학교에 갔다\t",
        "same\tHello world again\tHello  World again",
        "hangul\t나는 오늘 학교에 갔다\t나는 오늘 학교에 갔다고 했다",
        "ratio\t나는 오늘 아침에 학교에 갔다\tI went to school this morning and then I went home and then I slept for a very very long time indeed.",
        "") + "\n");
    return p;
  }

  @Test void everyRuleRemovesWhatItShouldAndReportsIt() throws Exception {
    Path out = tmp.resolve("out.tsv");
    Cli.Result r = Cli.run("filter", pairs().toString(), "--out", out.toString(), "--min-eojeol", "3",
        "--drop-empty", "--drop-untranslated", "--length-ratio", "0.5:4", "--json");
    assertEquals(0, r.exitCode(), r.toString());
    List<String> kept = Files.readAllLines(out).stream().skip(1).map(l -> l.split("\t")[0]).toList();
    assertEquals(List.of("ok1"), kept);
    JsonNode rep = JSON.readTree(tmp.resolve("out.tsv.filter.json").toFile());
    assertEquals(5, rep.at("/counts/removed").asInt());
    assertEquals("[\"eojeol\"]", rep.at("/removed/0/rules").toString());
    assertEquals("short", rep.at("/removed/0/id").asText());
    assertEquals("1 eojeol < 3", rep.at("/removed/0/details/0").asText());
    assertEquals("[\"empty\"]", rep.at("/removed/1/rules").toString());
    assertEquals("same", rep.at("/removed/2/id").asText());
    assertEquals("target equals source", rep.at("/removed/2/details/0").asText());
    assertEquals("hangul", rep.at("/removed/3/id").asText());
    assertTrue(rep.at("/removed/3/details/0").asText().startsWith("target is still Hangul"));
    assertEquals("[\"length-ratio\"]", rep.at("/removed/4/rules").toString());
  }

  @Test void ocrCharsetAndAverageEojeolFindings() throws Exception {
    Path in = tmp.resolve("ocr.jsonl");
    Files.writeString(in, "{\"id\":\"1\",\"text\":\"간판 글자 (ABC) 123, 좋아요!\"}\n"
        + "{\"id\":\"2\",\"text\":\"가격: 1,000원\"}\n{\"id\":\"3\",\"text\":\"ㄱㄴ 자모\"}\n");
    Path out = tmp.resolve("ocr-out.jsonl");
    Cli.Result r = Cli.run("filter", in.toString(), "--out", out.toString(), "--charset", "ocr", "--min-avg-eojeol", "20");
    assertEquals(1, r.exitCode(), "average below 20 eojeol is a finding: " + r);
    assertTrue(r.out().contains("average eojeol in (all): 5.00 over 1 sentences (below 20.0)"), r.out());
    assertEquals(1, Files.readAllLines(out).size(), "output still written");
    JsonNode rep = JSON.readTree(tmp.resolve("ocr-out.jsonl.filter.json").toFile());
    assertTrue(rep.at("/removed/0/details/0").asText().contains("U+003A"), rep.toString());
    assertTrue(rep.at("/removed/1/details/0").asText().contains("U+3131"), rep.toString());
    assertEquals(false, rep.at("/averages/0/passes").asBoolean());
  }

  @Test void noRuleIsAUsageError() throws Exception {
    assertEquals(2, Cli.run("filter", pairs().toString(), "--out", tmp.resolve("x.tsv").toString()).exitCode());
    assertEquals(2, Cli.run("filter", pairs().toString(), "--out", tmp.resolve("x.tsv").toString(), "--length-ratio", "3").exitCode());
  }
}
