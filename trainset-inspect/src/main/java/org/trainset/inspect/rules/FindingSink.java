package org.trainset.inspect.rules;

/** Where rules put what they find (a list, a counter, a live editor's overlay). */
@FunctionalInterface
public interface FindingSink {
  void accept(Finding finding);
}
