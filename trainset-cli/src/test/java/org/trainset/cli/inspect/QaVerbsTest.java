package org.trainset.cli.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.cli.Cli;
import org.trainset.core.Datasets;
import org.trainset.core.FormatRegistry;
import org.trainset.core.convert.LossReport;
import org.trainset.core.model.*;
import org.trainset.core.spi.ItemSink;
import org.trainset.core.spi.ReadOptions;
import org.trainset.core.spi.WriteOptions;

/** {@code trainset qa ...} through the real entry point. */
class QaVerbsTest {
  @TempDir Path tmp;
  private final ObjectMapper json = new ObjectMapper();

  private JsonNode ok(int code, String... args) throws Exception {
    Cli.Result r = Cli.run(args);
    assertEquals(code, r.exitCode(), r.toString());
    return json.readTree(r.out());
  }

  @Test void planPrintsTheIsoSamplingPlan() throws Exception {
    JsonNode j = ok(0, "qa", "plan", "--lot-size", "1000", "--aql", "1.0", "--json");
    assertEquals("J", j.get("codeLetter").asText());
    assertEquals(80, j.get("sampleSize").asInt());
    assertEquals(2, j.get("accept").asInt());
    assertEquals(3, j.get("reject").asInt());
    assertEquals(2, Cli.run("qa", "plan", "--lot-size", "1000", "--aql", "0.7").exitCode());
    assertEquals(2, Cli.run("qa").exitCode());
    for (String v : List.of("score", "plan", "agreement", "mqm", "consensus")) {
      assertEquals(0, Cli.run("qa", v, "--help").exitCode(), v);
    }
  }

  private static String rec(String item, String worker, String verdict) {
    return "{\"item\":\"" + item + "\",\"worker\":\"" + worker + "\",\"stage\":\"peer\",\"verdict\":\"" + verdict
        + "\",\"lot\":\"L-" + worker + "\",\"lot_size\":100}";
  }

  @Test void scoreEscalatesAWeakWorkerAndReturnsThemAfterTheCleanStreak() throws Exception {
    Path wf = Files.writeString(tmp.resolve("wf.yaml"), """
        workflow: sidewalk
        stages:
          - {name: peer, sampling: all, max-defect-rate: 0.2}
          - {name: manager, sampling: {fraction: 0.2}}
          - {name: final, sampling: {aql: 1.0}}
        quality: {threshold: 80, min-items: 5, window: 5, clean-streak: 4}
        """);
    List<String> lines = new ArrayList<>();
    String[] w1 = {"accept", "accept", "reject", "reject", "accept", // 60 < 80 -> 100% inspection at record 5
        "accept", "accept", "accept", "accept"};                       // 4 clean under 100% -> back at record 9
    for (int i = 0; i < w1.length; i++) lines.add(rec("a" + i, "w1", w1[i]));
    for (int i = 0; i < 6; i++) lines.add(rec("b" + i, "w2", "accept"));
    Path records = Files.writeString(tmp.resolve("records.jsonl"), String.join("\n", lines) + "\n");
    JsonNode j = ok(1, "qa", "score", records.toString(), "--workflow", wf.toString(), "--json");
    JsonNode t = j.get("transitions");
    assertEquals(2, t.size(), j.toString());
    assertEquals("full", t.get(0).get("to").asText());
    assertEquals(5, t.get(0).get("record").asInt());
    assertEquals(60.0, t.get(0).get("qualityIndex").asDouble());
    assertEquals("sampled", t.get(1).get("to").asText());
    assertEquals(9, t.get(1).get("record").asInt());
    // w1's lot: 9 of 100 inspected although the worker was under 100% inspection -> under-sampled,
    // and 2 defects of 9 at a 20% tolerance of 100 (Ac 20) is accepted.
    JsonNode lot = j.get("lots").get(0);
    assertEquals("L-w1", lot.get("lot").asText());
    assertEquals(true, lot.get("underSampled").asBoolean());
    assertEquals(true, lot.get("accepted").asBoolean());
    assertEquals(100, lot.get("required").asInt());

    Path badStage = Files.writeString(tmp.resolve("bad.jsonl"), rec("x", "w", "accept").replace("peer", "audit") + "\n");
    Cli.Result r = Cli.run("qa", "score", badStage.toString(), "--workflow", wf.toString());
    assertEquals(3, r.exitCode(), r.toString());
    assertTrue(r.err().contains("bad.jsonl:1") && r.err().contains("audit"), r.err());
  }

  @Test void agreementReproducesReferenceValues() throws Exception {
    StringBuilder sb = new StringBuilder();
    int[][] table = {{20, 1, 1}, {5, 1, 0}, {10, 0, 1}, {15, 0, 0}}; // count, rater1 yes?, rater2 yes?
    int item = 0;
    for (int[] row : table) {
      for (int k = 0; k < row[0]; k++, item++) {
        sb.append("{\"item\":\"p").append(item).append("\",\"rater\":\"A\",\"label\":\"").append(row[1] == 1 ? "yes" : "no").append("\"}\n");
        sb.append("{\"item\":\"p").append(item).append("\",\"rater\":\"B\",\"label\":\"").append(row[2] == 1 ? "yes" : "no").append("\"}\n");
      }
    }
    JsonNode j = ok(0, "qa", "agreement", Files.writeString(tmp.resolve("r.jsonl"), sb).toString(), "--json");
    assertEquals(0.4, j.get("cohenKappa").asDouble(), 1e-12);
    assertEquals(50, j.get("items").asInt());

    // Krippendorff's reliability data (Wikipedia): 3 coders, 15 units -> nominal alpha 0.691.
    Integer[][] coders = {
        {null, null, null, null, null, 3, 4, 1, 2, 1, 1, 3, 3, null, 3},
        {1, null, 2, 1, 3, 3, 4, 3, null, null, null, null, null, null, null},
        {null, null, 2, 1, 3, 4, 4, null, 2, 1, 1, 3, 3, null, 4}};
    StringBuilder k = new StringBuilder();
    for (int c = 0; c < 3; c++) {
      for (int u = 0; u < 15; u++) {
        if (coders[c][u] != null) k.append("{\"item\":\"u").append(u).append("\",\"rater\":\"c").append(c).append("\",\"label\":").append(coders[c][u]).append("}\n");
      }
    }
    JsonNode a = ok(0, "qa", "agreement", Files.writeString(tmp.resolve("k.jsonl"), k).toString(), "--json");
    assertEquals(0.691, a.get("krippendorffAlphaNominal").asDouble(), 5e-4);
    assertTrue(a.has("krippendorffAlphaInterval"));

    Path dup = Files.writeString(tmp.resolve("d.jsonl"), "{\"item\":\"1\",\"rater\":\"a\",\"label\":\"x\"}\n{\"item\":\"1\",\"rater\":\"a\",\"label\":\"y\"}\n");
    Cli.Result r = Cli.run("qa", "agreement", dup.toString());
    assertEquals(3, r.exitCode());
    assertTrue(r.err().contains("d.jsonl:2"), r.err());
  }

  @Test void mqmScoresDocumentsAndTranslators() throws Exception {
    Path seg = Files.writeString(tmp.resolve("seg.jsonl"), """
        {"doc":"news-1","segment":"1","translator":"t1","words":500,"errors":[{"code":"ACm","severity":"major"},{"code":"FLa","severity":"minor"}]}
        {"doc":"news-1","segment":"2","translator":"t1","words":500,"errors":[]}
        {"doc":"talk-1","segment":"1","translator":"t2","source":"이것은 열 단어가 아니라 여섯 단어","errors":[{"code":"ACo","severity":"critical"}]}
        """);
    JsonNode j = ok(1, "qa", "mqm", seg.toString(), "--json");
    JsonNode news = j.get("documents").get(0);
    assertEquals(94.0, news.get("score").asDouble(), 1e-12); // 6 points / 1000 words x 1000
    assertEquals(true, news.get("pass").asBoolean());
    JsonNode talk = j.get("documents").get(1);
    assertEquals(100 - 10.0 / 6 * 1000, talk.get("score").asDouble(), 1e-9);
    assertEquals(2, j.get("errorsByCategory").get("Accuracy/Mistranslation").asInt() + j.get("errorsByCategory").get("Accuracy/Omission").asInt());
    Path cfg = Files.writeString(tmp.resolve("mqm.yaml"), "reference-words: 1\npass-threshold: 0\n");
    assertEquals(0, Cli.run("qa", "mqm", seg.toString(), "--config", cfg.toString()).exitCode());
    Path bad = Files.writeString(tmp.resolve("bad.jsonl"), "{\"doc\":\"d\",\"words\":3,\"errors\":[{\"code\":\"ZZ\"}]}\n");
    Cli.Result r = Cli.run("qa", "mqm", bad.toString());
    assertEquals(3, r.exitCode());
    assertTrue(r.err().contains("unknown error code 'ZZ'"), r.err());
  }

  private Path write(String name, List<Item> items) throws Exception {
    Path out = tmp.resolve(name);
    try (ItemSink sink = FormatRegistry.load().require("trainset").writer().orElseThrow()
        .open(out, DatasetSchema.empty(), WriteOptions.defaults(), LossReport.lenient())) {
      for (Item i : items) sink.accept(i);
      sink.commit();
    }
    return out;
  }

  private static Box box(String label, double x) {
    return new Box(AnnotationMeta.of(label), x, 10, 20, 20);
  }

  @Test void consensusKeepsAgreeingLabelsAndListsDisagreements() throws Exception {
    MediaRef img = MediaRef.image("f.jpg", 200, 100);
    Path a = write("a", List.of(new Item("eye-1", null, List.of(img), Map.of(), List.of(
        new Tag(AnnotationMeta.of("glaucoma")), box("drusen", 10), box("hemorrhage", 100)))));
    Path b = write("b", List.of(new Item("eye-1", null, List.of(img), Map.of(), List.of(
        new Tag(AnnotationMeta.of("glaucoma")), box("drusen", 12), box("exudate", 101)))));
    Path dis = tmp.resolve("dis.jsonl");
    JsonNode j = ok(0, "qa", "consensus", a.toString(), b.toString(), "--out", tmp.resolve("c").toString(),
        "--disagreements", dis.toString(), "--json");
    assertEquals(1, j.get("disagreements").asInt());
    assertEquals(1.0, j.get("labels").get("drusen").get("agreement").asDouble());
    List<Item> c = Datasets.readAll(Datasets.plan(FormatRegistry.load().require("trainset"), tmp.resolve("c"),
        ReadOptions.defaults()), ReadOptions.defaults());
    assertEquals(List.of("glaucoma", "drusen"), c.get(0).annotations().stream().map(Annotation::label).toList());
    assertTrue(Files.readString(dis).contains("\"labelA\":\"hemorrhage\",\"labelB\":\"exudate\""), Files.readString(dis));
  }
}
