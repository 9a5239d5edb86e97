package org.trainset.cli.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.cli.Cli;
import org.trainset.core.FormatRegistry;
import org.trainset.server.sandbox.Recipes;

/**
 * The sandbox's eval recipes give exactly what {@code trainset eval classify|detect --json} prints
 * on the same files: the user learns their model's AUC or mAP without seeing the held-back truth,
 * and the numbers are the CLI's. The release is made by {@code trainset release} from a face
 * sample; the truth the test hands the CLI is written from the items' attributes independently.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SandboxRecipeEvalTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  Path tmp;
  Path release;

  @BeforeAll void release(@TempDir Path dir) {
    tmp = dir;
    assertEquals(0, Cli.run("sample", "aihub.face", "--out", tmp.resolve("faces").toString(), "--items", "36", "-q").exitCode());
    var r = Cli.run("release", tmp.resolve("faces").toString(), "--name", "faces", "--version", "1.0.0",
        "--out", tmp.resolve("rel").toString(), "--formats", "trainset,coco", "--sample-size", "2", "-q");
    assertEquals(0, r.exitCode(), r.err());
    release = tmp.resolve("rel/faces-v1.0.0");
  }

  @Test void evalClassifyRecipeEqualsTheCli() throws Exception {
    StringBuilder truth = new StringBuilder("id,label\n");
    StringBuilder scores = new StringBuilder("id,score\n");
    int i = 0;
    for (String line : Files.readAllLines(release.resolve("data/trainset/items/part-00000.jsonl"))) {
      JsonNode item = JSON.readTree(line);
      String id = item.get("id").asText();
      int label = item.get("attributes").get("gender").asText().equals("female") ? 1 : 0;
      truth.append(id).append(',').append(label).append('\n');
      // a model that is right more often than not, with ties
      double score = ((i * 37) % 10) / 10.0 * 0.6 + (label == 1 ? 0.35 : 0.0);
      scores.append(id).append(',').append(Math.round(score * 100) / 100.0).append('\n');
      i++;
    }
    Path truthFile = Files.writeString(tmp.resolve("truth.csv"), truth);
    Path scoreFile = Files.writeString(tmp.resolve("scores.csv"), scores);
    var cli = Cli.run("eval", "classify", "--truth", truthFile.toString(), "--scores", scoreFile.toString(), "--json");
    assertEquals(0, cli.exitCode(), cli.err());
    ObjectNode spec = JSON.createObjectNode().put("recipe", "eval-classify").put("attribute", "gender").put("positive", "female");
    Path scratch = Files.createDirectories(tmp.resolve("scratch-classify"));
    ObjectNode recipe = Recipes.run(spec, release, scoreFile, scratch, FormatRegistry.load());
    JsonNode expected = JSON.readTree(cli.out());
    assertEquals(expected, JSON.readTree(recipe.get("result").toString()));
    assertTrue(expected.get("auc").asDouble() > 0.5 && expected.get("auc").asDouble() < 1.0, expected.toString());
  }

  @Test void evalDetectRecipeEqualsTheCli() throws Exception {
    Path coco;
    try (var s = Files.walk(release.resolve("data/coco"))) {
      coco = s.filter(p -> p.toString().endsWith(".json")).sorted().findFirst().orElseThrow();
    }
    JsonNode gt = JSON.readTree(coco.toFile());
    ArrayNode results = JSON.createArrayNode();
    int k = 0;
    for (JsonNode a : gt.get("annotations")) {
      if (!a.has("bbox")) continue;
      ObjectNode r = results.addObject();
      r.put("image_id", a.get("image_id").asLong()).put("category_id", a.get("category_id").asLong());
      ArrayNode b = r.putArray("bbox");
      for (int j = 0; j < 4; j++) b.add(a.get("bbox").get(j).asDouble() + (k % 3) * (j < 2 ? 2 : -1));
      r.put("score", 0.5 + (k % 5) / 10.0);
      k++;
    }
    Path pred = tmp.resolve("pred.json");
    JSON.writeValue(pred.toFile(), results);
    var cli = Cli.run("eval", "detect", "--truth", coco.toString(), "--pred", pred.toString(), "--json", "-q");
    assertEquals(0, cli.exitCode(), cli.err());
    String rel = release.relativize(coco).toString();
    ObjectNode spec = JSON.createObjectNode().put("recipe", "eval-detect").put("truth", rel);
    ObjectNode recipe = Recipes.run(spec, release, pred, Files.createDirectories(tmp.resolve("scratch-detect")), FormatRegistry.load());
    assertEquals(JSON.readTree(cli.out()), JSON.readTree(recipe.get("result").toString()));
    assertTrue(JSON.readTree(cli.out()).get("stats").get(0).asDouble() > 0.1);
    // the truth must be a file of the release: no way out of it
    ObjectNode escape = JSON.createObjectNode().put("recipe", "eval-detect").put("truth", "../../../etc/passwd");
    var e = org.junit.jupiter.api.Assertions.assertThrows(Recipes.RecipeException.class,
        () -> Recipes.run(escape, release, pred, tmp, FormatRegistry.load()));
    assertTrue(e.getMessage().startsWith("truth:"), e.getMessage());
  }
}
