package org.trainset.cli.families;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.cli.Cli;

/** `trainset sample aihub.corpus`, conversion to TSV, and malformed corpus files through the CLI. */
class CorpusCliTest {
  @TempDir Path dir;

  @Test
  void sampleThenConvertToTsvAndJsonl() throws IOException {
    Path sample = dir.resolve("corpus");
    Cli.Result r = Cli.run("sample", "aihub.corpus", "--out", sample.toString(), "--items", "30", "--seed", "4", "--json");
    assertEquals(0, r.exitCode(), r.toString());
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertEquals(30, json.get("items").asInt());
    assertEquals(30, json.get("byType").get("text_pair").asInt());
    assertEquals(0, json.get("defects").size());
    Cli.Result detect = Cli.run("detect", sample.toString());
    assertTrue(detect.out().contains("aihub.corpus"), detect.toString());
    Cli.Result tsv = Cli.run("convert", sample.toString(), "--to", "aihub.corpus.tsv", "--out", dir.resolve("tsv").toString());
    assertEquals(0, tsv.exitCode(), tsv.toString());
    assertTrue(Files.readString(dir.resolve("tsv/2_대화체.tsv")).startsWith("대분류\t소분류\t상황\tSet Nr.\t발화자\t원문\t번역문\n"));
    Cli.Result back = Cli.run("stats", dir.resolve("tsv").toString(), "--json");
    assertEquals(0, back.exitCode(), back.toString());
    assertTrue(back.out().contains("30"), back.out());
  }

  @Test
  void defectsAreListed() throws IOException {
    Cli.Result r = Cli.run("sample", "aihub.corpus", "--out", dir.resolve("d").toString(), "--items", "40", "--defects", "--json");
    assertEquals(0, r.exitCode(), r.toString());
    JsonNode defects = new ObjectMapper().readTree(r.out()).get("defects");
    assertTrue(defects.size() >= 4, r.out());
    String kinds = defects.toString();
    for (String k : new String[] {"omission", "untranslated", "duplicate", "number-mismatch"}) {
      assertTrue(kinds.contains("\"" + k + "\""), k + " in " + kinds);
    }
    Cli.Result v = Cli.run("validate", dir.resolve("d").toString(), "--json");
    assertEquals(1, v.exitCode(), v.toString());
    assertTrue(v.out().contains("corpus-empty-sentence"), "the omission is found: " + v.out());
  }

  @Test
  void truncatedXlsxIsAnInputErrorNamingTheFileAndWritesNothing() throws IOException {
    Path in = dir.resolve("in");
    Cli.run("sample", "aihub.corpus", "--out", in.toString(), "--items", "12");
    Path news = in.resolve("3_문어체_뉴스(1).xlsx");
    byte[] bytes = Files.readAllBytes(news);
    Files.write(news, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    Path out = dir.resolve("out");
    Cli.Result r = FamilyCli.convertRefused(in, "aihub.corpus.jsonl", out);
    assertTrue(r.err().contains("3_문어체_뉴스(1).xlsx"), r.err());
  }

  @Test
  void badTsvEscapeNamesFileLineAndColumn() throws IOException {
    Path in = dir.resolve("tsvin");
    Files.createDirectories(in);
    Files.writeString(in.resolve("1_구어체.tsv"), "SID\t원문\t번역문\n1\t안녕\tHi\n2\t잘 가\\x\tBye\n", StandardCharsets.UTF_8);
    Path out = dir.resolve("out");
    Cli.Result r = FamilyCli.convertRefused(in, "aihub.corpus", out);
    assertTrue(r.err().contains("1_구어체.tsv:3:"), r.err());
    assertTrue(r.err().contains("tsv-escape"), r.err());
  }
}
