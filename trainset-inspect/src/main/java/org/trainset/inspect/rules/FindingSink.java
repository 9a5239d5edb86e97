package org.trainset.inspect.rules;

import org.trainset.core.issue.Issue;

/** Where rules put what they find (a list, a counter, a live editor's overlay). */
@FunctionalInterface
public interface FindingSink {
  void accept(Issue finding);
}
