package org.trainset.spark;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.trainset.cli.Main;

/**
 * The one local Spark session every test of this module shares (local[2], UI off, loopback
 * driver, few shuffle partitions), created on first use; and the CLI entry point, run in-process.
 */
public final class SparkTestSession {
  private static SparkSession session;

  private SparkTestSession() {}

  public static synchronized SparkSession session() {
    if (session == null) {
      System.setProperty("spark.master", "local[2]");
      session = SparkSession.builder().master("local[2]").appName("trainset-spark-tests")
          .config("spark.ui.enabled", "false")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .config("spark.sql.shuffle.partitions", "4")
          .config("spark.default.parallelism", "2")
          .getOrCreate();
    }
    return session;
  }

  public static JavaSparkContext jsc() {
    return SparkSessions.context(session());
  }

  public record Result(int exitCode, String out, String err) {
    @Override public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  /** Runs {@code trainset ARGS} through the real entry point (the session exists first). */
  public static Result cli(String... args) {
    session();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
