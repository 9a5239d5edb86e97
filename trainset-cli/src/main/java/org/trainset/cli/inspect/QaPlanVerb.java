package org.trainset.cli.inspect;

import org.trainset.cli.Json;
import org.trainset.cli.OutputOptions;
import org.trainset.cli.UsageException;
import org.trainset.cli.Verb;
import org.trainset.inspect.review.Iso2859;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "plan", mixinStandardHelpOptions = true,
    description = {"ISO 2859-1 single sampling plan (normal inspection, general level II) for a lot:",
        "code letter, sample size, acceptance and rejection numbers."})
public final class QaPlanVerb implements Verb {
  @Spec CommandSpec spec;
  @Mixin OutputOptions output;
  @Option(names = "--lot-size", required = true, paramLabel = "N") long lotSize;
  @Option(names = "--aql", required = true, paramLabel = "PERCENT", description = "AQL from the preferred series 0.010 ... 10.") double aql;

  @Override public Class<?> group() {
    return QaGroup.class;
  }

  @Override public Integer call() {
    Iso2859.Plan p;
    try {
      p = Iso2859.plan(lotSize, aql);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    var out = spec.commandLine().getOut();
    if (output.json) {
      out.println(Json.write(Json.object().put("lotSize", lotSize).put("aql", aql).put("codeLetter", String.valueOf(p.codeLetter()))
          .put("sampleSize", p.sampleSize()).put("accept", p.accept()).put("reject", p.reject())));
    } else {
      out.printf("lot %d, AQL %s: code letter %c, inspect %d, accept with <= %d defects, reject with >= %d%n",
          lotSize, aql, p.codeLetter(), p.sampleSize(), p.accept(), p.reject());
    }
    return 0;
  }
}
