package org.trainset.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./trainset} launcher: it starts the JVM with the options of {@code jvm.options}
 * (read by {@code scripts/jvm-options})
 * (comments and blank lines skipped; the collector of its "batch: " line not for the server, nor
 * when TRAINSET_JAVA_OPTS picks one) and then TRAINSET_JAVA_OPTS, so a user's settings win.
 * Run on a copy of the launcher beside a jar that is up to date (so it builds nothing), with a
 * {@code java} on the PATH that prints the arguments it was given.
 */
class LauncherTest {
  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

  @Test
  void startsJavaWithTheOptionsFileThenTrainsetJavaOpts(@TempDir Path tmp) throws Exception {
    Path jar = checkout(tmp);
    List<String> expected = new ArrayList<>(fileOptions(true));
    expected.addAll(List.of("-Xmx77m", "-Xms32m", "-jar", jar.toString(), "stats", "a dir"));
    assertEquals(expected, launch(tmp, "-Xmx77m -Xms32m", "stats", "a dir"));
  }

  @Test
  void theServerKeepsTheDefaultCollectorAndSoDoesAChosenOne(@TempDir Path tmp) throws Exception {
    Path jar = checkout(tmp);
    List<String> serve = new ArrayList<>(fileOptions(false));
    serve.addAll(List.of("-jar", jar.toString(), "serve", "--port", "0"));
    assertEquals(serve, launch(tmp, "", "serve", "--port", "0"));
    assertFalse(serve.contains("-XX:+UseParallelGC"));

    List<String> chosen = new ArrayList<>(fileOptions(false));
    chosen.addAll(List.of("-XX:+UseSerialGC", "-jar", jar.toString(), "convert"));
    assertEquals(chosen, launch(tmp, "-XX:+UseSerialGC", "convert"), "the JVM refuses two collectors");
  }

  @Test
  void theOptionsFileHoldsTheHeapCollectorAndJitSettingsTheBenchmarksWereMeasuredWith() throws IOException {
    assertEquals(List.of("-Xms16m", "-XX:+UseParallelGC", "-XX:GCTimeRatio=99", "-XX:InlineSmallCode=1000"), fileOptions(true));
    assertTrue(Files.readString(REPO.resolve("bench/coco/run.sh")).contains("scripts/jvm-options"),
        "the COCO benchmark runs its reader with the launcher's options");
  }

  /** A copy of the launcher and its options beside an up-to-date jar, and a java that prints its arguments. */
  private static Path checkout(Path tmp) throws IOException {
    Path checkout = Files.createDirectories(tmp.resolve("checkout"));
    Files.copy(REPO.resolve("trainset"), checkout.resolve("trainset"));
    Files.copy(REPO.resolve("jvm.options"), checkout.resolve("jvm.options"));
    Files.createDirectories(checkout.resolve("scripts"));
    Files.copy(REPO.resolve("scripts/jvm-options"), checkout.resolve("scripts/jvm-options"));
    Path jar = Files.createDirectories(checkout.resolve("trainset-cli/target")).resolve("trainset.jar");
    Files.writeString(jar, "");
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Path java = bin.resolve("java");
    Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    return jar;
  }

  /** The arguments the launcher gave java. */
  private static List<String> launch(Path tmp, String javaOpts, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("bash", tmp.resolve("checkout/trainset").toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectError(tmp.resolve("err").toFile());
    pb.environment().put("PATH", tmp.resolve("bin") + ":" + System.getenv("PATH"));
    pb.environment().put("TRAINSET_JAVA_OPTS", javaOpts);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), Files.readString(tmp.resolve("err")));
    assertFalse(Files.readString(tmp.resolve("err")).contains("building"), "an up-to-date jar is not rebuilt");
    return List.of(out.split("\n"));
  }

  /**
   * The options as the launcher is meant to read them: every line that is neither blank nor a
   * comment, the "batch: " ones (without the prefix) only for {@code batch}.
   */
  private static List<String> fileOptions(boolean batch) throws IOException {
    return Files.readAllLines(REPO.resolve("jvm.options")).stream().map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("#") && (batch || !l.startsWith("batch: ")))
        .map(l -> l.replaceFirst("^batch: ", "")).toList();
  }
}
