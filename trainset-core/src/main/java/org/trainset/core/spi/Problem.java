package org.trainset.core.spi;

/**
 * A recoverable problem found while reading or validating: the item is still usable but
 * something about it breaks a format rule.
 *
 * @param severity   {@code error}, {@code warning} or {@code info}
 * @param rule       short rule id ({@code dangling-category}, {@code box-outside-image})
 * @param file       file it was found in, or null
 * @param line       1-based line or -1
 * @param item       item id or null
 * @param annotation annotation id or index, or null
 * @param message    what is wrong, with the offending value
 */
public record Problem(String severity, String rule, String file, long line, String item,
                     String annotation, String message) implements java.io.Serializable {
  public static Problem error(String rule, String file, String item, String annotation, String message) {
    return new Problem("error", rule, file, -1, item, annotation, message);
  }

  public static Problem warning(String rule, String file, String item, String annotation, String message) {
    return new Problem("warning", rule, file, -1, item, annotation, message);
  }

  /** The same problem in the shared vocabulary. */
  public org.trainset.core.issue.Issue toIssue() {
    return new org.trainset.core.issue.Issue(org.trainset.core.issue.Severity.parse(severity), rule, file, line, -1,
        item, annotation, null, message, null);
  }

  @Override public String toString() {
    StringBuilder sb = new StringBuilder(severity).append(' ').append(rule).append(": ");
    if (file != null) sb.append(file).append(line >= 0 ? ":" + line : "").append(' ');
    if (item != null) sb.append("[item ").append(item).append(annotation != null ? " ann " + annotation : "").append("] ");
    return sb.append(message).toString();
  }
}
