package org.trainset.inspect.rules;

import java.util.List;
import org.trainset.core.issue.Issue;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.Item;

/**
 * Making the {@link Issue}s a guideline rule finds: the rule's id and severity, the item, the
 * annotation (its id, or its position {@code #3} when it has none), and the offending value.
 */
public final class Findings {
  private Findings() {}

  /** A finding about one annotation of {@code item} in relation to another (an overlap). */
  public static Issue between(Rule rule, Item item, Annotation annotation, Annotation related, String message,
                              Object value) {
    return at(rule, item, annotation, message, value).withRelated(annotationKey(item, related));
  }

  /** A finding about one annotation of {@code item}. */
  public static Issue at(Rule rule, Item item, Annotation annotation, String message, Object value) {
    return new Issue(rule.severity(), rule.id(), null, -1, -1, item.id(), annotationKey(item, annotation), null,
        message, value);
  }

  /** A finding about a whole item. */
  public static Issue at(Rule rule, Item item, String message, Object value) {
    return new Issue(rule.severity(), rule.id(), null, -1, -1, item.id(), null, null, message, value);
  }

  /** A finding about the whole dataset. */
  public static Issue dataset(Rule rule, String message, Object value) {
    return new Issue(rule.severity(), rule.id(), null, -1, -1, null, null, null, message, value);
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
}
