package org.trainset.cli.verbs;

import java.nio.file.Path;
import java.util.ServiceLoader;
import org.trainset.cli.Json;
import org.trainset.cli.OutputOptions;
import org.trainset.cli.UsageException;
import org.trainset.cli.Verb;
import org.trainset.core.sample.SampleGenerator;
import org.trainset.core.sample.SampleOptions;
import org.trainset.core.sample.SampleSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "sample", mixinStandardHelpOptions = true,
    description = {"Write a small realistic dataset in a family's exact layout (same seed, same bytes).",
        "With --defects, plant realistic mistakes for inspection rules to find."})
public final class SampleVerb implements Verb {
  @Spec CommandSpec spec;
  @Mixin OutputOptions output;
  @Parameters(paramLabel = "ID", description = "Format id, e.g. aihub.sidewalk.") String id;
  @Option(names = "--out", required = true, paramLabel = "DIR") Path out;
  @Option(names = "--items", defaultValue = "20", description = "Items to write (default ${DEFAULT-VALUE}).") int items;
  @Option(names = "--seed", defaultValue = "1", description = "Random seed (default ${DEFAULT-VALUE}).") long seed;
  @Option(names = "--defects", description = "Plant realistic mistakes.") boolean defects;
  @Option(names = "--layout", paramLabel = "NAME",
      description = "Another layout the family's generator writes (aihub.sidewalk: producer).") String layout;

  @Override public Integer call() throws Exception {
    SampleGenerator gen = ServiceLoader.load(SampleGenerator.class).stream().map(ServiceLoader.Provider::get)
        .filter(g -> g.formatId().equals(id)).findFirst()
        .orElseThrow(() -> new UsageException("no sample generator for '" + id + "'; known: " + known()));
    if (items < 1) throw new UsageException("--items must be at least 1");
    if (layout != null && !gen.layouts().contains(layout)) {
      throw new UsageException("--layout " + layout + ": the " + id + " generator writes "
          + (gen.layouts().isEmpty() ? "only its usual layout" : "these other layouts: " + String.join(", ", gen.layouts())));
    }
    SampleSummary s = gen.generate(out, new SampleOptions(items, seed, defects, layout));
    var o = spec.commandLine().getOut();
    if (output.json) {
      var root = Json.object();
      root.put("format", s.formatId()).put("out", out.toString()).put("items", s.items())
          .put("annotations", s.annotations());
      root.set("byType", Json.fromMap(s.byType()));
      var arr = root.putArray("defects");
      for (var d : s.defects()) arr.addObject().put("kind", d.kind()).put("item", d.item()).put("detail", d.detail());
      o.println(Json.write(root));
    } else {
      o.printf("wrote %s sample to %s: %d items, %d annotations, %d planted defects%n", s.formatId(), out,
          s.items(), s.annotations(), s.defects().size());
    }
    return 0;
  }

  private static String known() {
    return String.join(", ", ServiceLoader.load(SampleGenerator.class).stream()
        .map(p -> p.get().formatId()).sorted().toList());
  }
}
