package org.trainset.eval.split;

/**
 * What a splitter needs to know about one item: its id, its class (the stratification value,
 * "" when not stratifying) and its group (items of one group always land in the same split;
 * null when the item is its own group).
 */
public record SplitSample(String id, String cls, String group) {
  /** The group key used for assignment: the group, or the item itself when it has none. */
  public String groupKey() {
    return group != null ? "g:" + group : "i:" + id;
  }
}
