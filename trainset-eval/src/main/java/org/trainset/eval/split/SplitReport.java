package org.trainset.eval.split;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a split produced, checked independently of the splitter: items and class counts per
 * split, groups per split, and every group found in more than one split (a leak, which must
 * never happen; reported rather than assumed).
 */
public record SplitReport(List<String> splitNames, long[] items, List<Map<String, Long>> classCounts,
                          long[] groups, Map<String, TreeSet<String>> leaks) {

  public static SplitReport check(List<SplitSample> samples, int[] splitOf, List<String> names) {
    int S = names.size();
    long[] items = new long[S];
    long[] groups = new long[S];
    List<Map<String, Long>> classes = new ArrayList<>();
    for (int s = 0; s < S; s++) classes.add(new TreeMap<>());
    Map<String, TreeSet<String>> splitsOfGroup = new HashMap<>();
    for (int i = 0; i < samples.size(); i++) {
      SplitSample x = samples.get(i);
      int s = splitOf[i];
      items[s]++;
      classes.get(s).merge(x.cls(), 1L, Long::sum);
      if (x.group() != null) {
        if (splitsOfGroup.computeIfAbsent(x.group(), g -> new TreeSet<>()).add(names.get(s))) groups[s]++;
      }
    }
    Map<String, TreeSet<String>> leaks = new TreeMap<>();
    splitsOfGroup.forEach((g, in) -> {
      if (in.size() > 1) leaks.put(g, in);
    });
    return new SplitReport(names, items, classes, groups, leaks);
  }
}
