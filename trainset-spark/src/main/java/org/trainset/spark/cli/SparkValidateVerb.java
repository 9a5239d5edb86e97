package org.trainset.spark.cli;

import org.trainset.cli.Json;
import org.trainset.cli.LimitOptions;
import org.trainset.core.spi.Problem;
import org.trainset.spark.SparkValidation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "validate", mixinStandardHelpOptions = true,
    description = {"Check a dataset against its format's rules on Spark; same findings, in the same order,",
        "as 'trainset validate'. Exit 1 when problems are found, 3 when the input cannot be read."})
public final class SparkValidateVerb extends SparkVerb {
  @Mixin LimitOptions limits;
  @Parameters(paramLabel = "DATA", description = "A dataset path or URI (file://, hdfs://, s3a://).") String data;
  @Option(names = "--format", paramLabel = "ID", description = "Read as this format instead of detecting it.")
  String formatId;
  @Option(names = "--max-shown", defaultValue = "50", description = "Problems printed in text mode (default ${DEFAULT-VALUE}).")
  int maxShown;

  @Override public Integer call() throws Exception {
    SparkValidation.Result r = inSpark("validate", jsc -> SparkValidation.run(jsc, data, formatId, limits.readOptions()));
    var out = spec.commandLine().getOut();
    if (output.json) {
      var root = Json.object();
      root.put("format", r.input().format().id()).put("items", r.items()).put("problems", r.problems().size());
      var arr = root.putArray("findings");
      for (Problem p : r.problems()) {
        var f = arr.addObject().put("severity", p.severity()).put("rule", p.rule()).put("message", p.message());
        if (p.file() != null) f.put("file", p.file());
        if (p.line() >= 0) f.put("line", p.line());
        if (p.item() != null) f.put("item", p.item());
        if (p.annotation() != null) f.put("annotation", p.annotation());
      }
      out.println(Json.write(root));
    } else {
      r.problems().stream().limit(maxShown).forEach(out::println);
      if (r.problems().size() > maxShown) out.println("... and " + (r.problems().size() - maxShown) + " more");
      out.printf("%s: %d items, %d problems (%s)%n", data, r.items(), r.problems().size(), r.input().format().id());
    }
    return r.problems().isEmpty() ? 0 : 1;
  }
}
