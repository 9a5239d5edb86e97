package org.trainset.cli;

import picocli.CommandLine.Option;

/** Options every verb shares: machine-readable output and quiet progress. */
public final class OutputOptions {
  @Option(names = "--json", description = "Print one JSON object on stdout instead of text.")
  public boolean json;

  @Option(names = {"-q", "--quiet"}, description = "No progress bar on stderr.")
  public boolean quiet;
}
