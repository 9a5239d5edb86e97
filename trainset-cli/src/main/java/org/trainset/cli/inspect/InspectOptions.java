package org.trainset.cli.inspect;

import org.trainset.cli.UsageException;
import org.trainset.core.issue.Severity;
import org.trainset.inspect.Inspection;
import org.trainset.inspect.rules.RulePack;
import picocli.CommandLine.Option;

/**
 * The options {@code trainset inspect} and {@code trainset spark inspect} share, with the two
 * choices they make from them (the exit threshold and the rule pack), so both verbs parse and
 * refuse them alike.
 */
public final class InspectOptions {
  @Option(names = "--format", paramLabel = "ID", description = "Read as this format instead of detecting it.")
  public String formatId;
  @Option(names = "--rules", paramLabel = "PACK|FILE",
      description = "Rule pack id or file (default: the built-in pack named like the dataset's format).")
  public String rules;
  @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "error",
      description = "Exit 1 when findings of this severity or worse exist: info, warning, error (default ${DEFAULT-VALUE}).")
  String failOn;
  @Option(names = "--max-shown", defaultValue = "100", description = "Findings listed in text/JSON output (default ${DEFAULT-VALUE}).")
  public int maxShown;

  /** The severity at or above which findings make the exit code 1. */
  public Severity threshold() {
    try {
      return Severity.parse(failOn);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--fail-on: " + e.getMessage());
    }
  }

  /** The pack {@code --rules} names, or the built-in one for {@code formatId}. */
  public RulePack pack(String formatId) throws java.io.IOException {
    try {
      return Inspection.packFor(rules, formatId);
    } catch (Inspection.NoPackException e) {
      throw new UsageException("no built-in rule pack for format '" + formatId + "'; give --rules PACK|FILE");
    }
  }
}
