package org.trainset.inspect.rules.dataset;

import org.trainset.inspect.rules.Findings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.trainset.core.io.InputException;
import org.trainset.core.model.Item;
import org.trainset.inspect.rules.Accumulator;
import org.trainset.inspect.rules.FindingSink;
import org.trainset.inspect.rules.Rule;
import org.trainset.inspect.rules.RuleSpec;
import org.trainset.inspect.rules.RuleType;
import org.trainset.core.issue.Severity;

/**
 * {@code grid-complete}: within each group (item attribute {@code group-by}, e.g. a person), every
 * combination of the {@code dimensions} (item attributes with their value lists, e.g. 20 angles ×
 * 30 lights × 3 expressions) occurs. State is one bit per combination per group, so 600 people ×
 * 32,400 shots is 2.4 MB. With {@code observed: true} a group is held only to the values it was
 * seen with on each axis (the refinement check "no gaps in what was shot": a person shot under
 * lights L1–L2 and angles C1–C4 must have all 8 combinations), so a grid still being collected
 * passes while a missing or broken shot inside it does not. {@code group-by} may list several
 * attributes (a motion take is scenario + take): the group is their values joined by '-'.
 */
public record GridCompleteRule(String id, Severity severity, List<String> groupBy, List<Dimension> dimensions,
                               boolean observed) implements Rule {

  /** One axis of the grid. */
  public record Dimension(String attribute, List<String> values) implements Serializable { }

  /** The group key of {@code item}, or null when one of the group-by attributes is missing. */
  String group(Item item) {
    StringBuilder key = new StringBuilder();
    for (String a : groupBy) {
      Object v = item.attributes().get(a);
      if (v == null) return null;
      if (key.length() > 0) key.append('-');
      key.append(v);
    }
    return key.toString();
  }

  String groupName() {
    return String.join("+", groupBy);
  }

  int cells() {
    int n = 1;
    for (Dimension d : dimensions) n *= d.values().size();
    return n;
  }

  /** The cell index of {@code item}, or -1 when one of its values is not on the grid. */
  int cell(Item item) {
    int index = 0;
    for (Dimension d : dimensions) {
      Object v = item.attributes().get(d.attribute());
      int pos = v == null ? -1 : d.values().indexOf(String.valueOf(v));
      if (pos < 0) return -1;
      index = index * d.values().size() + pos;
    }
    return index;
  }

  /** Position of {@code item}'s value on each axis (all ≥ 0 when {@link #cell} is). */
  int[] positions(Item item) {
    int[] pos = new int[dimensions.size()];
    for (int i = 0; i < pos.length; i++) {
      Dimension d = dimensions.get(i);
      pos[i] = d.values().indexOf(String.valueOf(item.attributes().get(d.attribute())));
    }
    return pos;
  }

  /** Whether every axis position of {@code cell} was seen in the group ({@code axes[i]} bits). */
  boolean within(int cell, BitSet[] axes) {
    for (int i = dimensions.size() - 1; i >= 0; i--) {
      int n = dimensions.get(i).values().size();
      if (!axes[i].get(cell % n)) return false;
      cell /= n;
    }
    return true;
  }

  String describe(int cell) {
    String[] parts = new String[dimensions.size()];
    for (int i = dimensions.size() - 1; i >= 0; i--) {
      Dimension d = dimensions.get(i);
      parts[i] = d.attribute() + "=" + d.values().get(cell % d.values().size());
      cell /= d.values().size();
    }
    return String.join(",", parts);
  }

  @Override public Accumulator accumulator() {
    return new Acc(this);
  }

  static final class Acc implements Accumulator {
    private final GridCompleteRule rule;
    private final Map<String, BitSet> seen = new TreeMap<>();
    /** With {@code observed}: per group, the value positions seen on each axis. */
    private final Map<String, BitSet[]> axes = new TreeMap<>();
    private long offGrid;

    Acc(GridCompleteRule rule) {
      this.rule = rule;
    }

    @Override public void add(Item item) {
      String group = rule.group(item);
      int cell = rule.cell(item);
      if (group == null || cell < 0) {
        offGrid++;
        return;
      }
      seen.computeIfAbsent(String.valueOf(group), g -> new BitSet(rule.cells())).set(cell);
      if (rule.observed) {
        BitSet[] a = axes.computeIfAbsent(String.valueOf(group), g -> newAxes());
        int[] pos = rule.positions(item);
        for (int i = 0; i < pos.length; i++) a[i].set(pos[i]);
      }
    }

    private BitSet[] newAxes() {
      BitSet[] a = new BitSet[rule.dimensions.size()];
      for (int i = 0; i < a.length; i++) a[i] = new BitSet();
      return a;
    }

    @Override public void merge(Accumulator other) {
      Acc o = (Acc) other;
      o.seen.forEach((g, bits) -> seen.computeIfAbsent(g, k -> new BitSet(rule.cells())).or(bits));
      o.axes.forEach((g, bits) -> {
        BitSet[] mine = axes.computeIfAbsent(g, k -> newAxes());
        for (int i = 0; i < mine.length; i++) mine[i].or(bits[i]);
      });
      offGrid += o.offGrid;
    }

    @Override public void finish(FindingSink out) {
      int cells = rule.cells();
      for (var e : seen.entrySet()) {
        BitSet bits = e.getValue();
        BitSet[] seenAxes = rule.observed ? axes.get(e.getKey()) : null;
        int expected = cells;
        if (seenAxes != null) {
          expected = 1;
          for (BitSet a : seenAxes) expected *= a.cardinality();
        }
        int missing = expected - bits.cardinality();
        if (missing == 0) continue;
        List<String> examples = new ArrayList<>();
        for (int c = bits.nextClearBit(0); c < cells && examples.size() < 5; c = bits.nextClearBit(c + 1)) {
          if (seenAxes == null || rule.within(c, seenAxes)) examples.add(rule.describe(c));
        }
        out.accept(Findings.dataset(rule, rule.groupName() + " '" + e.getKey() + "' misses " + missing + " of " + expected
            + (seenAxes == null ? "" : " observed") + " condition combinations, e.g. " + String.join("; ", examples),
            missing));
      }
      if (offGrid > 0) {
        out.accept(Findings.dataset(rule, offGrid + " items lack '" + rule.groupName()
            + "' or have a condition value outside the grid", offGrid));
      }
    }
  }

  public static final class Type implements RuleType {
    @Override public String name() { return "grid-complete"; }

    @Override public Rule create(RuleSpec s) throws InputException {
      JsonNode dims = s.node("dimensions");
      if (dims == null || !dims.isArray() || dims.isEmpty()) throw s.error("needs 'dimensions' (a list)");
      List<Dimension> out = new ArrayList<>();
      long cells = 1;
      for (JsonNode d : dims) {
        if (!d.isObject()) throw s.error("each dimension is a map with 'attribute' and 'values' or 'range'");
        RuleSpec sub = new RuleSpec(s.pack(), s.id(), s.type(), s.severity(), (ObjectNode) d);
        List<String> values = sub.has("range") ? range(sub) : sub.requiredStrings("values");
        out.add(new Dimension(sub.string("attribute"), List.copyOf(values)));
        cells *= values.size();
      }
      if (cells > 50_000_000) throw s.error("grid of " + cells + " cells is too large");
      return new GridCompleteRule(s.id(), s.severity(), List.copyOf(s.requiredStrings("group-by")), List.copyOf(out),
          s.flag("observed", false));
    }

    /** {@code range: {prefix: C, from: 1, to: 20, digits: 0}} → C1 … C20 (zero-padded to digits). */
    private static List<String> range(RuleSpec sub) throws InputException {
      JsonNode r = sub.node("range");
      if (!r.isObject()) throw sub.error("'range' is a map: prefix, from, to, digits");
      RuleSpec rs = new RuleSpec(sub.pack(), sub.id(), sub.type(), sub.severity(), (ObjectNode) r);
      int from = (int) rs.number("from");
      int to = (int) rs.number("to");
      int digits = (int) rs.number("digits", 0);
      String prefix = rs.string("prefix", "");
      if (to < from || to - from > 100_000) throw sub.error("bad range " + from + ".." + to);
      List<String> values = new ArrayList<>();
      for (int i = from; i <= to; i++) {
        values.add(prefix + (digits > 0 ? String.format("%0" + digits + "d", i) : Integer.toString(i)));
      }
      return values;
    }
  }
}
