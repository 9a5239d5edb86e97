package org.trainset.spark;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.storage.StorageLevel;
import org.trainset.core.model.DatasetSchema;
import org.trainset.core.model.Item;
import org.trainset.core.spi.ItemCursor;
import org.trainset.core.issue.Issue;
import org.trainset.core.spi.ReadOptions;
import org.trainset.core.validate.DatasetValidator;
import org.trainset.core.validate.Validation;
import scala.Tuple2;

/**
 * {@code validate} on Spark with the same findings, in the same order, as one pass: each part
 * runs the reader with a collecting problem sink and its own {@link DatasetValidator}; the
 * dataset-wide parts of the rules are completed on the driver — item ids repeated across parts
 * come from a shuffle of the ids (only the repeats reach the driver), and an undeclared label is
 * kept at its first report only.
 */
public final class SparkValidation {
  private SparkValidation() {}

  /** A problem with where it was reported: after {@code ordinal} items, by the reader or the validator. */
  record Tagged(Issue problem, long ordinal, boolean byValidator) implements Serializable { }

  /** One part's problems and item ids (the ids stay on the executor). */
  record PartResult(long items, List<Tagged> problems, List<String> ids) implements Serializable {
    PartResult withoutIds() {
      return new PartResult(items, problems, List.of());
    }
  }

  /** The same result record, with the same issues in the same order, as {@link Validation#run}. */
  public static Validation.Result run(JavaSparkContext jsc, String data, String formatId, ReadOptions options) throws IOException {
    List<Issue> problems = new ArrayList<>();
    SparkInput input = SparkInput.plan(jsc, data, formatId, options, problems::add);
    DatasetSchema schema = input.plan().schema();
    jsc.setJobDescription("trainset validate " + data);
    ReadOptions shipped = input.options();
    JavaRDD<PartJobs.Outcome<PartResult>> outcomes = PartJobs.parts(jsc, input.plan().parts())
        .map(p -> PartJobs.attempt(p, shipped, (index, part, opts) -> validatePart(part, opts, schema)))
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      List<PartResult> parts = new ArrayList<>();
      for (PartJobs.Outcome<PartResult> o : outcomes.map(o -> o.value() == null ? o
          : new PartJobs.Outcome<>(o.index(), o.value().withoutIds(), null)).collect()) {
        parts.add(o.get());
      }
      Map<Long, List<String>> repeats = repeatedIds(outcomes);
      long items = 0;
      Set<String> undeclared = new HashSet<>();
      for (int p = 0; p < parts.size(); p++) {
        PartResult part = parts.get(p);
        items += part.items();
        List<Tagged> tagged = withRepeats(part.problems(), repeats, p);
        for (Tagged t : tagged) {
          Issue pr = t.problem();
          if (DatasetValidator.UNDECLARED_LABEL.equals(pr.rule()) && t.byValidator() && !undeclared.add(pr.message())) continue;
          problems.add(pr);
        }
      }
      return new Validation.Result(input.format().id(), items, problems);
    } finally {
      outcomes.unpersist(false);
    }
  }

  private static PartResult validatePart(org.trainset.core.spi.ReadPart part, ReadOptions opts, DatasetSchema schema)
      throws IOException {
    List<Tagged> out = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    long[] items = {0};
    DatasetValidator validator = new DatasetValidator(schema, p -> {
      // Repeated ids are found across all parts at once (see repeatedIds).
      if (!DatasetValidator.DUPLICATE_ITEM_ID.equals(p.rule())) out.add(new Tagged(p, items[0], true));
    });
    ReadOptions collecting = opts.withProblems(p -> out.add(new Tagged(p, items[0], false)));
    try (ItemCursor c = part.open(collecting)) {
      for (Item i = c.next(); i != null; i = c.next()) {
        validator.check(i);
        ids.add(i.id());
        items[0]++;
      }
    }
    return new PartResult(items[0], out, ids);
  }

  /** Positions (part << 32 | ordinal) of every item whose id an earlier item already had. */
  private static Map<Long, List<String>> repeatedIds(JavaRDD<PartJobs.Outcome<PartResult>> outcomes) {
    List<Tuple2<String, Iterable<Long>>> groups = outcomes
        .flatMapToPair(o -> {
          List<Tuple2<String, Long>> pairs = new ArrayList<>();
          if (o.value() == null) return pairs.iterator();
          List<String> ids = o.value().ids();
          for (int i = 0; i < ids.size(); i++) pairs.add(new Tuple2<>(ids.get(i), ((long) o.index() << 32) | i));
          return pairs.iterator();
        })
        .groupByKey()
        .filter(g -> g._2().iterator().hasNext() && more(g._2()))
        .collect();
    Map<Long, List<String>> repeats = new TreeMap<>();
    for (Tuple2<String, Iterable<Long>> g : groups) {
      List<Long> at = new ArrayList<>();
      g._2().forEach(at::add);
      at.sort(null);
      for (Long pos : at.subList(1, at.size())) repeats.computeIfAbsent(pos, k -> new ArrayList<>()).add(g._1());
    }
    return repeats;
  }

  private static boolean more(Iterable<Long> values) {
    var it = values.iterator();
    it.next();
    return it.hasNext();
  }

  /**
   * The part's problems with the repeated-id problems inserted where one pass reports them:
   * after the reader's problems for that item, before the validator's.
   */
  private static List<Tagged> withRepeats(List<Tagged> problems, Map<Long, List<String>> repeats, int part) {
    long from = (long) part << 32;
    Map<Long, List<String>> mine = ((TreeMap<Long, List<String>>) repeats).subMap(from, from + (1L << 32));
    if (mine.isEmpty()) return problems;
    List<Tagged> out = new ArrayList<>(problems.size() + mine.size());
    var it = mine.entrySet().iterator();
    var next = it.next();
    for (Tagged t : problems) {
      while (next != null && (t.ordinal() > ordinal(next.getKey()) || (t.ordinal() == ordinal(next.getKey()) && t.byValidator()))) {
        for (String id : next.getValue()) out.add(new Tagged(DatasetValidator.duplicateItemId(id), ordinal(next.getKey()), true));
        next = it.hasNext() ? it.next() : null;
      }
      out.add(t);
    }
    while (next != null) {
      for (String id : next.getValue()) out.add(new Tagged(DatasetValidator.duplicateItemId(id), ordinal(next.getKey()), true));
      next = it.hasNext() ? it.next() : null;
    }
    return out;
  }

  private static long ordinal(long position) {
    return position & 0xffffffffL;
  }
}
