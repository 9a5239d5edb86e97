package org.trainset.cli.eval;

import org.trainset.testkit.PythonOracle;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.cli.Cli;
import org.trainset.core.Datasets;
import org.trainset.core.FormatRegistry;
import org.trainset.core.convert.LossReport;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.AnnotationMeta;
import org.trainset.core.model.DatasetSchema;
import org.trainset.core.model.Item;
import org.trainset.core.model.MediaRef;
import org.trainset.core.model.Tag;
import org.trainset.core.spi.Format;
import org.trainset.core.spi.ItemSink;
import org.trainset.core.spi.ReadOptions;
import org.trainset.core.spi.WriteOptions;

/** {@code trainset split} on a native dataset: sklearn-equal folds, seeded ratios, no leaks, atomic output. */
class SplitCliTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  @TempDir Path tmp;

  /** A mammography-like dataset: several images per patient, a finding label per image, a site attribute. */
  private Path dataset(int patients, long seed) throws IOException {
    Random rnd = new Random(seed);
    Format nativeFormat = FormatRegistry.load().require("trainset");
    Path dir = tmp.resolve("ds-" + seed);
    String[] labels = {"benign", "malignant", "normal"};
    try (ItemSink sink = nativeFormat.writer().orElseThrow().open(dir, DatasetSchema.empty(), WriteOptions.defaults(), LossReport.strict())) {
      int n = 0;
      for (int p = 0; p < patients; p++) {
        int images = 1 + rnd.nextInt(6);
        String main = labels[rnd.nextDouble() < 0.5 ? 2 : rnd.nextDouble() < 0.7 ? 0 : 1];
        for (int j = 0; j < images; j++) {
          String label = rnd.nextDouble() < 0.8 ? main : labels[rnd.nextInt(3)];
          List<Annotation> anns = new ArrayList<>();
          anns.add(new Tag(AnnotationMeta.of(label)));
          if (rnd.nextBoolean()) {
            anns.add(new Tag(AnnotationMeta.of("normal"))); // a minority label: majority still wins
            anns.add(new Tag(AnnotationMeta.of(label)));
          }
          sink.accept(new Item("img-" + (n++), null, List.of(MediaRef.image("images/" + n + ".png", 64, 64)),
              Map.of("patient", "P" + (1000 + p * 7 % 101) + "-" + p, "site", "s" + rnd.nextInt(3)), anns));
        }
      }
      sink.commit();
    }
    return dir;
  }

  private static List<String[]> csv(Path file) throws IOException {
    List<String[]> rows = new ArrayList<>();
    for (String line : Files.readAllLines(file).subList(1, Files.readAllLines(file).size())) rows.add(line.split(",", -1));
    return rows;
  }

  @Test
  void stratifiedGroupFoldsEqualScikitLearn() throws Exception {
    for (int k : new int[] {3, 5}) {
      Path ds = dataset(60 + 10 * k, k);
      Path out = tmp.resolve("folds" + k);
      Cli.Result r = Cli.run("split", ds.toString(), "--out", out.toString(), "--folds", String.valueOf(k),
          "--stratify-by", "label", "--group-by", "attr:patient", "-q");
      assertEquals(0, r.exitCode(), r.toString());
      assertTrue(r.out().contains("StratifiedGroupKFold") && r.out().contains("no group crosses splits"), r.out());
      List<String[]> rows = csv(out.resolve("split.csv"));
      Map<String, Object> input = new LinkedHashMap<>();
      input.put("k", k);
      input.put("y", rows.stream().map(x -> x[2]).toList());
      input.put("g", rows.stream().map(x -> x[3]).toList());
      JsonNode want = PythonOracle.run("""
          import json, sys
          import numpy as np
          from sklearn.model_selection import StratifiedGroupKFold
          c = json.load(sys.stdin); y = np.array(c['y']); g = np.array(c['g'])
          fold = [0] * len(y)
          for f, (_, test) in enumerate(StratifiedGroupKFold(n_splits=c['k']).split(np.zeros((len(y), 1)), y, g)):
              for i in test: fold[i] = f
          print(json.dumps(fold))
          """, input);
      int[] expected = new int[rows.size()];
      int[] got = new int[rows.size()];
      for (int i = 0; i < rows.size(); i++) {
        expected[i] = want.get(i).asInt();
        got[i] = Integer.parseInt(rows.get(i)[1].substring("fold-".length()));
      }
      assertArrayEquals(expected, got, "fold of every item, k=" + k);
      Map<String, String> foldOfPatient = new HashMap<>();
      for (String[] row : rows) {
        String prev = foldOfPatient.putIfAbsent(row[3], row[1]);
        assertTrue(prev == null || prev.equals(row[1]), "patient " + row[3] + " in two folds");
      }
    }
  }

  @Test
  void ratioSplitIsSeededAndWritesTheDataset() throws Exception {
    Path ds = dataset(80, 11);
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    Path c = tmp.resolve("c");
    String[] common = {"--stratify-by", "label", "--group-by", "attr:patient", "--ratios", "0.7,0.15,0.15", "-q"};
    Cli.Result ra = Cli.run(concat(new String[] {"split", ds.toString(), "--out", a.toString(), "--seed", "9", "--write-dataset", "--json"}, common));
    Cli.Result rb = Cli.run(concat(new String[] {"split", ds.toString(), "--out", b.toString(), "--seed", "9"}, common));
    Cli.Result rc = Cli.run(concat(new String[] {"split", ds.toString(), "--out", c.toString(), "--seed", "10"}, common));
    assertEquals(0, ra.exitCode(), ra.toString());
    assertEquals(0, rb.exitCode(), rb.toString());
    assertEquals(0, rc.exitCode(), rc.toString());
    assertEquals(Files.readString(a.resolve("split.csv")), Files.readString(b.resolve("split.csv")), "same seed, same manifest");
    assertFalse(Files.readString(a.resolve("split.csv")).equals(Files.readString(c.resolve("split.csv"))), "other seed, other manifest");
    JsonNode report = MAPPER.readTree(ra.out());
    assertEquals(0, report.get("leaks").asInt());
    long total = 0;
    for (JsonNode s : report.get("splits")) total += s.get("items").asLong();
    assertEquals(csv(a.resolve("split.csv")).size(), total);
    // the written dataset carries each item's split as its subset
    Map<String, String> splitOf = new HashMap<>();
    for (String[] row : csv(a.resolve("split.csv"))) splitOf.put(row[0], row[1]);
    Format nativeFormat = FormatRegistry.load().require("trainset");
    List<Item> items = Datasets.readAll(Datasets.plan(nativeFormat, a.resolve("dataset"), ReadOptions.defaults()), ReadOptions.defaults());
    assertEquals(splitOf.size(), items.size());
    for (Item i : items) assertEquals(splitOf.get(i.id()), i.subset(), i.id());
    JsonNode manifest = MAPPER.readTree(a.resolve("split.json").toFile());
    assertEquals("train", manifest.get("splits").get(0).get("name").asText());
    assertEquals(splitOf.get("img-0"), manifest.get("assignment").get("img-0").asText());
  }

  @Test
  void shuffledFoldsAreSeededAndNamedSplitsWork() throws Exception {
    Path ds = dataset(40, 5);
    String[] folds = {"--folds", "4", "--stratify-by", "label", "--group-by", "attr:patient", "--shuffle", "-q"};
    Cli.Result a = Cli.run(concat(new String[] {"split", ds.toString(), "--out", tmp.resolve("s1").toString(), "--seed", "3"}, folds));
    Cli.Result b = Cli.run(concat(new String[] {"split", ds.toString(), "--out", tmp.resolve("s2").toString(), "--seed", "3"}, folds));
    assertEquals(0, a.exitCode(), a.toString());
    assertEquals(0, b.exitCode(), b.toString());
    assertEquals(Files.readString(tmp.resolve("s1/split.csv")), Files.readString(tmp.resolve("s2/split.csv")));
    Cli.Result named = Cli.run("split", ds.toString(), "--out", tmp.resolve("n").toString(), "--ratios", "0.6,0.4",
        "--names", "dev,holdout", "--group-by", "attr:patient", "-q");
    assertEquals(0, named.exitCode(), named.toString());
    assertTrue(named.out().contains("dev") && named.out().contains("holdout"), named.out());
    for (String[] row : csv(tmp.resolve("n/split.csv"))) assertTrue(row[1].equals("dev") || row[1].equals("holdout"));
  }

  @Test
  void usageErrorsAndAFailedRunLeavesEarlierOutput() throws Exception {
    Path ds = dataset(20, 3);
    Path out = tmp.resolve("out");
    assertEquals(0, Cli.run("split", ds.toString(), "--out", out.toString(), "-q").exitCode());
    String before = Files.readString(out.resolve("split.csv"));
    Cli.Result r = Cli.run("split", ds.toString(), "--out", out.toString(), "--folds", "500", "--group-by", "attr:patient", "-q");
    assertEquals(2, r.exitCode(), r.toString());
    assertEquals(before, Files.readString(out.resolve("split.csv")), "failed run leaves the earlier output");
    assertEquals(2, Cli.run("split", ds.toString(), "--out", out.toString(), "--stratify-by", "colour", "-q").exitCode());
    assertEquals(2, Cli.run("split", ds.toString(), "--out", out.toString(), "--ratios", "0.5,0.2", "-q").exitCode());
    assertEquals(2, Cli.run("split", ds.toString(), "--out", out.toString(), "--ratios", "0.8,0.2", "--folds", "3", "-q").exitCode());
    assertEquals(3, Cli.run("split", tmp.resolve("missing").toString(), "--out", out.toString(), "-q").exitCode());
  }

  private static String[] concat(String[] a, String... b) {
    List<String> l = new ArrayList<>(List.of(a));
    l.addAll(List.of(b));
    return l.toArray(String[]::new);
  }
}
