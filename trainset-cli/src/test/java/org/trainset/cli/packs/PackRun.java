package org.trainset.cli.packs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.trainset.cli.Cli;

/** {@code trainset sample} then {@code trainset inspect} through the real CLI, parsed from --json. */
final class PackRun {
  private static final ObjectMapper JSON = new ObjectMapper();

  private PackRun() {}

  /** A defect the generator planted ({@code sample --json} → {@code defects}). */
  record Planted(String kind, String item, String detail) {
    @Override public String toString() { return kind + " @ " + item + " (" + detail + ")"; }
  }

  /** One finding of {@code inspect --json} ({@code item} null for dataset-level findings). */
  record Found(String rule, String severity, String item, String annotation, String message) {
    @Override public String toString() {
      return severity + " " + rule + (item == null ? "" : " @ " + item) + (annotation == null ? "" : "#" + annotation)
          + ": " + message;
    }
  }

  record Inspection(int exitCode, long items, List<Found> findings, String raw) {}

  /** Writes a sample and returns what it says it planted. */
  static List<Planted> sample(String family, Path out, int items, long seed, boolean defects) throws IOException {
    List<String> args = new ArrayList<>(List.of("sample", family, "--out", out.toString(), "--items",
        Integer.toString(items), "--seed", Long.toString(seed), "--json"));
    if (defects) args.add("--defects");
    Cli.Result r = Cli.run(args.toArray(String[]::new));
    assertEquals(0, r.exitCode(), r.toString());
    List<Planted> planted = new ArrayList<>();
    for (JsonNode d : JSON.readTree(r.out()).get("defects")) {
      planted.add(new Planted(d.get("kind").asText(), d.get("item").asText(), d.path("detail").asText()));
    }
    return planted;
  }

  /** Inspects {@code dir} with the family's built-in pack, every finding listed. */
  static Inspection inspect(String family, Path dir) throws IOException {
    Cli.Result r = Cli.run("inspect", dir.toString(), "--rules", family, "--json", "--max-shown", "100000");
    if (r.exitCode() > 1) throw new AssertionError("inspect failed: " + r);
    JsonNode j = JSON.readTree(r.out());
    assertEquals(family, j.get("pack").asText());
    List<Found> found = new ArrayList<>();
    for (JsonNode f : j.get("shown")) {
      found.add(new Found(f.get("rule").asText(), f.get("severity").asText(), text(f, "item"), text(f, "annotation"),
          f.get("message").asText()));
    }
    assertEquals(j.get("findings").asLong(), found.size(), "every finding listed");
    return new Inspection(r.exitCode(), j.get("items").asLong(), found, r.out());
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
