package org.trainset.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.trainset.testkit.SharedFixtures;

/**
 * {@code trainset spark stats|validate|inspect} give exactly what the single-process verbs give,
 * on generated family samples with planted defects and on real fixtures from other tools.
 */
class SameAnswersTest {
  @TempDir static Path tmp;

  static final List<String> FAMILIES = List.of("aihub.sidewalk", "aihub.xray", "aihub.objects", "aihub.ocr",
      "aihub.corpus", "aihub.face", "aihub.multimodal", "aihub.motion", "aihub.cctv", "aihub.medical");

  @BeforeAll static void samples() {
    for (String family : FAMILIES) {
      var r = SparkTestSession.cli("sample", family, "--out", tmp.resolve(family).toString(), "--items", "12",
          "--defects", "--seed", "7");
      assertEquals(0, r.exitCode(), family + ": " + r);
    }
  }

  static Stream<String> families() {
    return FAMILIES.stream();
  }

  static Stream<Path> fixtures() {
    return Stream.of("datumaro/tests/assets/coco_dataset/coco", "datumaro/tests/assets/voc_dataset/voc_dataset1",
        "datumaro/tests/assets/cvat_dataset/for_images", "datumaro/tests/assets/yolo_dataset").map(SharedFixtures::external).filter(Files::exists);
  }

  @ParameterizedTest(name = "{0}") @MethodSource("families")
  void familySampleStatsValidateInspectEqual(String family) {
    Path data = tmp.resolve(family);
    sameOutput(List.of("stats", data.toString(), "--json"));
    sameOutput(List.of("validate", data.toString(), "--json"));
    sameOutput(List.of("inspect", data.toString(), "--json", "--rules", family, "--max-shown", "1000"));
  }

  @ParameterizedTest(name = "{0}") @MethodSource("fixtures")
  void realFixturesStatsAndValidateEqual(Path data) {
    sameOutput(List.of("stats", data.toString(), "--json"));
    sameOutput(List.of("validate", data.toString(), "--json"));
  }

  @Test void sidewalkIsReadInSeveralPartsAndFindsThePlantedDefects() {
    SparkTestSession.Result r = sameOutput(List.of("inspect", tmp.resolve("aihub.sidewalk").toString(), "--json",
        "--rules", "aihub.sidewalk"));
    assertEquals(1, r.exitCode(), "defects are findings: " + r);
    assertTrue(r.out().contains("\"findings\""), r.out());
  }

  @Test void textOutputIsTheSameToo() {
    sameOutput(List.of("validate", tmp.resolve("aihub.xray").toString()));
    sameOutput(List.of("stats", tmp.resolve("aihub.objects").toString()));
  }

  /** Runs {@code trainset ARGS} and {@code trainset spark ARGS}; same exit code and stdout. */
  static SparkTestSession.Result sameOutput(List<String> args) {
    SparkTestSession.Result single = SparkTestSession.cli(args.toArray(String[]::new));
    List<String> spark = new ArrayList<>(List.of("spark"));
    spark.addAll(args);
    spark.add("--quiet");
    SparkTestSession.Result distributed = SparkTestSession.cli(spark.toArray(String[]::new));
    assertEquals(single.exitCode(), distributed.exitCode(), "exit code of " + args + "\n" + single + "\n" + distributed);
    assertEquals(single.out(), distributed.out(), "output of " + args);
    if (single.exitCode() > 1) assertEquals(single.err(), distributed.err(), "error of " + args);
    return distributed;
  }
}
