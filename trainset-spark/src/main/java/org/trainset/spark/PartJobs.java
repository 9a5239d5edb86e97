package org.trainset.spark;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.trainset.core.spi.ReadOptions;
import org.trainset.core.spi.ReadPart;

/**
 * Runs a {@link PartTask} over a plan's parts, one Spark partition per part, and returns the
 * results in part order, so merging them in that order gives what one sequential pass gives.
 * A part that fails does not fail the Spark job: its exception (an {@code InputException} naming
 * file, line and rule) comes back as a value, and the driver rethrows the first one in part order
 * — the same error the single-process CLI reports for that input.
 */
public final class PartJobs {
  private PartJobs() {}

  /** One part with its position in the plan. */
  public record IndexedPart(int index, ReadPart part) implements Serializable { }

  /** A part's result, or what it failed with. */
  public record Outcome<R extends Serializable>(int index, R value, Throwable failure) implements Serializable {
    public R get() throws IOException {
      if (failure == null) return value;
      if (failure instanceof IOException io) throw io;
      if (failure instanceof RuntimeException re) throw re;
      if (failure instanceof Error e) throw e;
      throw new IOException(failure.getMessage(), failure);
    }
  }

  /** The plan's parts as an RDD with one part per partition, in plan order. */
  public static JavaRDD<IndexedPart> parts(JavaSparkContext jsc, List<ReadPart> parts) {
    List<IndexedPart> indexed = new ArrayList<>(parts.size());
    for (int i = 0; i < parts.size(); i++) indexed.add(new IndexedPart(i, parts.get(i)));
    return jsc.parallelize(indexed, Math.max(1, indexed.size()));
  }

  /** Runs {@code task} on every part; results in part order, or the first failure thrown. */
  public static <R extends Serializable> List<R> run(JavaSparkContext jsc, List<ReadPart> parts, ReadOptions options,
                                                     String description, PartTask<R> task) throws IOException {
    jsc.setJobDescription(description);
    List<Outcome<R>> outcomes = parts(jsc, parts).map(p -> attempt(p, options, task)).collect();
    List<R> results = new ArrayList<>(outcomes.size());
    for (Outcome<R> o : outcomes) results.add(o.get());
    return results;
  }

  /** Runs one part, turning a failure into a value. */
  public static <R extends Serializable> Outcome<R> attempt(IndexedPart p, ReadOptions options, PartTask<R> task) {
    try {
      return new Outcome<>(p.index(), task.run(p.index(), p.part(), options), null);
    } catch (Exception | LinkageError e) {
      return new Outcome<>(p.index(), null, portable(e));
    }
  }

  /**
   * {@code t} itself when it serialises (an InputException does: its message holds file, line
   * and rule), else an exception of the same kind carrying the same message.
   */
  public static Throwable portable(Throwable t) {
    try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(java.io.OutputStream.nullOutputStream())) {
      out.writeObject(t);
      return t;
    } catch (IOException notSerialisable) {
      if (t instanceof org.trainset.core.io.InputException in) {
        // Same file, position, item, rule and message; only the parser's own exception stays behind.
        return new org.trainset.core.io.InputException(in.file(), in.line(), in.column(), in.item(), in.rule(),
            in.detail(), null);
      }
      String message = t.getClass().getName() + ": " + t.getMessage();
      return t instanceof IOException ? new IOException(message) : new IllegalStateException(message);
    }
  }
}
