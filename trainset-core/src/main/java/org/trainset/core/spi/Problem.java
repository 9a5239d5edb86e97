package org.trainset.core.spi;

import org.trainset.core.issue.Issue;
import org.trainset.core.issue.Severity;

/**
 * The old shape of a recoverable problem, kept so that code written against it still compiles.
 *
 * @deprecated use {@link Issue} ({@link Issue#at}); {@link ProblemSink} takes issues
 */
@Deprecated
public record Problem(String severity, String rule, String file, long line, String item,
                     String annotation, String message) implements java.io.Serializable {
  public static Problem error(String rule, String file, String item, String annotation, String message) {
    return new Problem("error", rule, file, -1, item, annotation, message);
  }

  public static Problem warning(String rule, String file, String item, String annotation, String message) {
    return new Problem("warning", rule, file, -1, item, annotation, message);
  }

  /** The same problem in the shared vocabulary. */
  public Issue toIssue() {
    return Issue.at(Severity.parse(severity), rule, file, line, item, annotation, message);
  }
}
