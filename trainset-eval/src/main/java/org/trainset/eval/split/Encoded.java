package org.trainset.eval.split;

import java.util.List;
import java.util.TreeMap;

/**
 * Classes and groups numbered as numpy.unique numbers them (sorted values, so the order
 * scikit-learn iterates groups and classes in is the same here).
 */
final class Encoded {
  final String[] classNames;
  final int[] classOf;
  final int[] classCount;
  final String[] groupNames;
  final int[] groupOf;

  Encoded(List<SplitSample> samples) {
    int n = samples.size();
    TreeMap<String, Integer> classes = new TreeMap<>();
    TreeMap<String, Integer> groups = new TreeMap<>();
    for (SplitSample s : samples) {
      classes.put(s.cls(), 0);
      groups.put(s.groupKey(), 0);
    }
    classNames = number(classes);
    groupNames = number(groups);
    classOf = new int[n];
    groupOf = new int[n];
    classCount = new int[classNames.length];
    for (int i = 0; i < n; i++) {
      classOf[i] = classes.get(samples.get(i).cls());
      groupOf[i] = groups.get(samples.get(i).groupKey());
      classCount[classOf[i]]++;
    }
  }

  private static String[] number(TreeMap<String, Integer> m) {
    String[] names = new String[m.size()];
    int i = 0;
    for (var e : m.entrySet()) {
      e.setValue(i);
      names[i++] = e.getKey();
    }
    return names;
  }
}
