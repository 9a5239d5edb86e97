package org.trainset.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark session a job runs in. Under {@code spark-submit} the master and settings come from
 * the submit line; otherwise {@code --master} (default {@code local[*]}) with the UI off, a
 * loopback driver address for local masters, and few shuffle partitions.
 */
public final class SparkSessions {
  private SparkSessions() {}

  /** The active session, or a new one on {@code master} (null: spark-submit's, else local[*]). */
  public static SparkSession session(String master) {
    SparkConf conf = new SparkConf();
    if (master != null) conf.setMaster(master);
    if (!conf.contains("spark.master")) conf.setMaster("local[*]");
    conf.setIfMissing("spark.app.name", "trainset");
    conf.setIfMissing("spark.ui.enabled", "false");
    conf.setIfMissing("spark.sql.shuffle.partitions", "8");
    if (conf.get("spark.master").startsWith("local")) {
      // A local driver that advertises a non-loopback address can fail to reach itself.
      conf.setIfMissing("spark.driver.host", "127.0.0.1");
      conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
    }
    return SparkSession.builder().config(conf).getOrCreate();
  }

  public static JavaSparkContext context(SparkSession session) {
    return JavaSparkContext.fromSparkContext(session.sparkContext());
  }
}
