package org.trainset.spark.cli;

import org.trainset.cli.LimitOptions;
import org.trainset.cli.verbs.ValidateOptions;
import org.trainset.cli.verbs.ValidateVerb;
import org.trainset.core.validate.Validation;
import org.trainset.spark.SparkValidation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "validate", mixinStandardHelpOptions = true,
    description = {"Check a dataset against its format's rules on Spark; same findings, in the same order,",
        "as 'trainset validate'. Exit 1 when problems are found, 3 when the input cannot be read."})
public final class SparkValidateVerb extends SparkVerb {
  @Mixin LimitOptions limits;
  @Parameters(paramLabel = "DATA", description = "A dataset path or URI (file://, hdfs://, s3a://).") String data;
  @Mixin ValidateOptions validate;

  @Override public Integer call() throws Exception {
    Validation.Result r = inSpark("validate", jsc -> SparkValidation.run(jsc, data, validate.formatId, limits.readOptions(), !validate.noMediaCheck));
    ValidateVerb.render(spec.commandLine().getOut(), r, output.json, validate.maxShown, data);
    return r.clean() ? 0 : 1;
  }
}
