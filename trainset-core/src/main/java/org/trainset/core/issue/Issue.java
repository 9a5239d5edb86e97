package org.trainset.core.issue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Serializable;
import org.trainset.core.json.ResultJson;

/**
 * One problem with a dataset, whoever found it: a reader (a dangling reference), the format
 * validator (a box outside its image) or a guideline rule (a box too small). Every service
 * reports problems in this one shape, so the CLI, the server and reports print them alike.
 *
 * @param severity   how bad
 * @param rule       the rule's id ({@code dangling-category}, {@code box-outside-image}, a pack rule's id)
 * @param file       the file it was found in, or null
 * @param line       1-based line, or -1
 * @param column     1-based column, or -1
 * @param item       the item's id, or null for a file- or dataset-level issue
 * @param annotation the annotation's id, or its position {@code #3} when it has none, or null
 * @param related    a second annotation involved (the one an overlapping shape covers), or null
 * @param message    what is wrong, for people
 * @param value      the offending value (a size, a label, a share), JSON-typed, or null
 */
public record Issue(Severity severity, String rule, String file, long line, long column, String item,
                    String annotation, String related, String message, Object value) implements Serializable {

  public Issue {
    if (severity == null) throw new IllegalArgumentException("severity is required");
    if (rule == null) throw new IllegalArgumentException("rule is required");
  }

  /** An issue with no position yet; add one with the {@code with…} methods. */
  public static Issue of(Severity severity, String rule, String message) {
    return new Issue(severity, rule, null, -1, -1, null, null, null, message, null);
  }

  /** An issue found by a reader or validator at a place in a file and/or an item. */
  public static Issue at(Severity severity, String rule, String file, long line, String item, String annotation,
                         String message) {
    return new Issue(severity, rule, file, line, -1, item, annotation, null, message, null);
  }

  public static Issue error(String rule, String message) {
    return of(Severity.ERROR, rule, message);
  }

  public static Issue warning(String rule, String message) {
    return of(Severity.WARNING, rule, message);
  }

  public Issue atFile(String newFile, long newLine, long newColumn) {
    return new Issue(severity, rule, newFile, newLine, newColumn, item, annotation, related, message, value);
  }

  public Issue atItem(String newItem, String newAnnotation) {
    return new Issue(severity, rule, file, line, column, newItem, newAnnotation, related, message, value);
  }

  public Issue withRelated(String newRelated) {
    return new Issue(severity, rule, file, line, column, item, annotation, newRelated, message, value);
  }

  public Issue withValue(Object newValue) {
    return new Issue(severity, rule, file, line, column, item, annotation, related, message, newValue);
  }

  public Issue withSeverity(Severity newSeverity) {
    return new Issue(newSeverity, rule, file, line, column, item, annotation, related, message, value);
  }

  /** The JSON form (camelCase keys; absent parts left out). */
  public ObjectNode toJson() {
    ObjectNode n = ResultJson.object();
    n.put("severity", severity.key()).put("rule", rule);
    if (file != null) n.put("file", file);
    if (line >= 0) n.put("line", line);
    if (column >= 0) n.put("column", column);
    if (item != null) n.put("item", item);
    if (annotation != null) n.put("annotation", annotation);
    if (related != null) n.put("related", related);
    n.put("message", message);
    if (value != null) n.set("value", ResultJson.value(value));
    return n;
  }

  /** One line: {@code error rule file:line:column [item x ann y]: message (value: v)}. */
  @Override public String toString() {
    StringBuilder sb = new StringBuilder(severity.key()).append(' ').append(rule);
    if (file != null) {
      sb.append(' ').append(file);
      if (line >= 0) sb.append(':').append(line).append(column >= 0 ? ":" + column : "");
    }
    if (item != null || annotation != null) {
      sb.append(" [");
      if (item != null) sb.append("item ").append(item).append(annotation != null ? " " : "");
      if (annotation != null) sb.append("ann ").append(annotation);
      sb.append(']');
    }
    sb.append(": ").append(message);
    if (value != null) sb.append(" (value: ").append(value).append(')');
    return sb.toString();
  }
}
