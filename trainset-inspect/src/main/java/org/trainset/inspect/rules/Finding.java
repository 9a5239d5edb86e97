package org.trainset.inspect.rules;

import java.io.Serializable;
import java.util.List;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.Item;

/**
 * One broken guideline.
 *
 * @param ruleId       the rule's id in its pack
 * @param severity     how bad
 * @param itemId       the item, or null for a dataset-level finding
 * @param annotationId the annotation's id, or its position {@code #3} when it has none; null
 *                     when the finding is about the item or the dataset
 * @param message      what is wrong, for people
 * @param value        the offending value (a size, a label, a share), JSON-typed, or null
 * @param relatedId    a second annotation involved (the one an overlapping shape covers), or null
 */
public record Finding(String ruleId, Severity severity, String itemId, String annotationId,
                      String message, Object value, String relatedId) implements Serializable {

  public Finding(String ruleId, Severity severity, String itemId, String annotationId, String message,
                 Object value) {
    this(ruleId, severity, itemId, annotationId, message, value, null);
  }

  /** A finding about one annotation of {@code item} in relation to another (an overlap). */
  public static Finding between(Rule rule, Item item, Annotation annotation, Annotation related, String message,
                                Object value) {
    return new Finding(rule.id(), rule.severity(), item.id(), annotationKey(item, annotation), message, value,
        annotationKey(item, related));
  }

  /** A finding about one annotation of {@code item}. */
  public static Finding at(Rule rule, Item item, Annotation annotation, String message, Object value) {
    return new Finding(rule.id(), rule.severity(), item.id(), annotationKey(item, annotation), message, value);
  }

  /** A finding about a whole item. */
  public static Finding at(Rule rule, Item item, String message, Object value) {
    return new Finding(rule.id(), rule.severity(), item.id(), null, message, value);
  }

  /** A finding about the whole dataset. */
  public static Finding dataset(Rule rule, String message, Object value) {
    return new Finding(rule.id(), rule.severity(), null, null, message, value);
  }

  /** The annotation's own id, or {@code #index} within its item when it has none. */
  public static String annotationKey(Item item, Annotation annotation) {
    if (annotation.meta().id() != null) return annotation.meta().id();
    // By identity: two equal annotations on one item are still two annotations.
    List<Annotation> anns = item.annotations();
    for (int i = 0; i < anns.size(); i++) {
      if (anns.get(i) == annotation) return "#" + i;
    }
    return "#" + anns.indexOf(annotation);
  }

  @Override public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append(severity.key()).append(' ').append(ruleId);
    if (itemId != null) sb.append(" [item ").append(itemId);
    if (annotationId != null) sb.append(" ann ").append(annotationId);
    if (itemId != null) sb.append(']');
    sb.append(": ").append(message);
    if (value != null) sb.append(" (value: ").append(value).append(')');
    return sb.toString();
  }
}
