package org.trainset.inspect.rules.dataset;

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
import org.trainset.inspect.rules.Finding;
import org.trainset.inspect.rules.FindingSink;
import org.trainset.inspect.rules.Rule;
import org.trainset.inspect.rules.RuleSpec;
import org.trainset.inspect.rules.RuleType;
import org.trainset.inspect.rules.Severity;

/**
 * {@code grid-complete}: within each group (item attribute {@code group-by}, e.g. a person), every
 * combination of the {@code dimensions} (item attributes with their value lists, e.g. 20 angles ×
 * 30 lights × 3 expressions) occurs. State is one bit per combination per group, so 600 people ×
 * 32,400 shots is 2.4 MB.
 */
public record GridCompleteRule(String id, Severity severity, String groupBy, List<Dimension> dimensions)
    implements Rule {

  /** One axis of the grid. */
  public record Dimension(String attribute, List<String> values) implements Serializable { }

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
    private long offGrid;

    Acc(GridCompleteRule rule) {
      this.rule = rule;
    }

    @Override public void add(Item item) {
      Object group = item.attributes().get(rule.groupBy);
      int cell = rule.cell(item);
      if (group == null || cell < 0) {
        offGrid++;
        return;
      }
      seen.computeIfAbsent(String.valueOf(group), g -> new BitSet(rule.cells())).set(cell);
    }

    @Override public void merge(Accumulator other) {
      Acc o = (Acc) other;
      o.seen.forEach((g, bits) -> seen.computeIfAbsent(g, k -> new BitSet(rule.cells())).or(bits));
      offGrid += o.offGrid;
    }

    @Override public void finish(FindingSink out) {
      int cells = rule.cells();
      for (var e : seen.entrySet()) {
        BitSet bits = e.getValue();
        int missing = cells - bits.cardinality();
        if (missing == 0) continue;
        List<String> examples = new ArrayList<>();
        for (int c = bits.nextClearBit(0); c < cells && examples.size() < 5; c = bits.nextClearBit(c + 1)) {
          examples.add(rule.describe(c));
        }
        out.accept(Finding.dataset(rule, rule.groupBy + " '" + e.getKey() + "' misses " + missing + " of " + cells
            + " condition combinations, e.g. " + String.join("; ", examples), missing));
      }
      if (offGrid > 0) {
        out.accept(Finding.dataset(rule, offGrid + " items lack '" + rule.groupBy
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
      return new GridCompleteRule(s.id(), s.severity(), s.string("group-by"), List.copyOf(out));
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
