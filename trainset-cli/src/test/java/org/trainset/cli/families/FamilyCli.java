package org.trainset.cli.families;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.trainset.cli.Cli;

/** The steps the family CLI tests share: writing a sample, and converting input the reader must refuse. */
final class FamilyCli {
  private FamilyCli() {}

  /** {@code trainset sample FAMILY --out OUT --json EXTRA...}, which must succeed; its JSON summary. */
  static JsonNode sample(String family, Path out, String... extra) throws IOException {
    List<String> args = new ArrayList<>(List.of("sample", family, "--out", out.toString(), "--json"));
    args.addAll(List.of(extra));
    Cli.Result r = Cli.run(args.toArray(String[]::new));
    assertEquals(0, r.exitCode(), r.toString());
    return new ObjectMapper().readTree(r.out());
  }

  /**
   * {@code trainset convert IN --to FORMAT --out OUT} on broken input: it must be an input error
   * (exit 3) that leaves no output. The result is for the caller's checks of what stderr names.
   */
  static Cli.Result convertRefused(Path in, String to, Path out) {
    Cli.Result r = Cli.run("convert", in.toString(), "--to", to, "--out", out.toString());
    assertEquals(3, r.exitCode(), r.toString());
    assertFalse(Files.exists(out), "no output on failure");
    return r;
  }
}
