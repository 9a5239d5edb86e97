package org.trainset.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The root command; verbs are added from {@link Verb} services by {@link Main}. */
@Command(name = "trainset", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = {
        "Build, inspect and publish AI training datasets: collect -> refine -> annotate -> inspect -> publish.",
        "Exit codes: 0 ok, 1 findings, 2 usage error, 3 input error, 4 internal error."},
    synopsisSubcommandLabel = "VERB")
public final class TrainsetCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing verb");
  }
}
