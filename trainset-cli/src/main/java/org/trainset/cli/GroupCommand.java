package org.trainset.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Base for group commands ({@code deid}, {@code eval}, ...): run without a sub-verb is a usage error. */
public abstract class GroupCommand implements Runnable {
  @Spec protected CommandSpec spec;

  @Override public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing sub-verb");
  }
}
