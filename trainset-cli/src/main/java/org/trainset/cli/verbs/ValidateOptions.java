package org.trainset.cli.verbs;

import picocli.CommandLine.Option;

/** The options {@code trainset validate} and {@code trainset spark validate} share. */
public final class ValidateOptions {
  @Option(names = "--format", paramLabel = "ID", description = "Read as this format instead of detecting it.")
  public String formatId;
  @Option(names = "--max-shown", defaultValue = "50", description = "Problems printed in text mode (default ${DEFAULT-VALUE}).")
  public int maxShown;
  @Option(names = "--no-media-check", description = "Do not look for the media files the items name.")
  public boolean noMediaCheck;
}
