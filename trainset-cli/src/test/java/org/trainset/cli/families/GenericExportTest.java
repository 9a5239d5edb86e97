package org.trainset.cli.families;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.trainset.cli.Cli;
import org.trainset.core.sample.SampleGenerator;

/**
 * Every family's sample converts into every generic format through {@code trainset convert}:
 * the annotation kinds the target can hold arrive in the same numbers, and whatever it cannot
 * hold is on the loss report (so counts before = counts after + what the report declares).
 */
class GenericExportTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The annotation kinds each generic format holds without changing them. */
  private static final Map<String, Set<String>> HOLDS = Map.of(
      "coco", Set.of("box", "polygon", "mask", "caption"),
      "cvat", Set.of("box", "polygon", "polyline", "points", "mask", "tag", "track"),
      "voc", Set.of("box"),
      "yolo", Set.of("box", "polygon"));

  @TempDir Path tmp;

  static Stream<Arguments> familiesAndTargets() {
    List<String> families = ServiceLoader.load(SampleGenerator.class).stream().map(p -> p.get().formatId())
        .filter(id -> id.startsWith("aihub.")).sorted().toList();
    return families.stream().flatMap(f -> HOLDS.keySet().stream().sorted().map(t -> Arguments.of(f, t)));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("familiesAndTargets")
  void familySampleConvertsWithDeclaredLoss(String family, String target) throws Exception {
    Path sample = tmp.resolve("sample");
    Cli.Result s = Cli.run("sample", family, "--out", sample.toString(), "--items", "4", "--seed", "3");
    assertEquals(0, s.exitCode(), s.toString());
    JsonNode before = stats(sample);

    Path out = tmp.resolve(target);
    Cli.Result c = Cli.run("convert", sample.toString(), "--to", target, "--out", out.toString(), "--json");
    assertEquals(0, c.exitCode(), family + " -> " + target + ": " + c);
    JsonNode report = JSON.readTree(c.out());
    JsonNode after = stats(out);

    for (String type : HOLDS.get(target)) {
      long was = before.path("byType").path(type).asLong(0);
      long now = after.path("byType").path(type).asLong(0);
      if (was > 0 && now != was) {
        assertTrue(mentions(report, type), family + " -> " + target + ": " + was + " " + type + " became " + now
            + " and the loss report does not say why: " + report);
      }
    }
    long lost = before.path("annotations").asLong() - after.path("annotations").asLong();
    if (lost > 0) {
      assertTrue(report.path("dropped").size() + report.path("changed").size() > 0,
          family + " -> " + target + ": " + lost + " annotations missing and nothing declared: " + report);
    }
  }

  private static boolean mentions(JsonNode report, String type) {
    String text = (report.path("dropped").toString() + report.path("changed")).toLowerCase(java.util.Locale.ROOT);
    return text.contains(type) || (type.equals("box") && text.contains("rotat"));
  }

  private static JsonNode stats(Path dataset) throws Exception {
    Cli.Result r = Cli.run("stats", dataset.toString(), "--json");
    assertEquals(0, r.exitCode(), r.toString());
    return JSON.readTree(r.out());
  }
}
