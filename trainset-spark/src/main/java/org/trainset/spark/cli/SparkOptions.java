package org.trainset.spark.cli;

import picocli.CommandLine.Option;

/** Where the job runs. */
public final class SparkOptions {
  @Option(names = "--master", paramLabel = "URL",
      description = {"Spark master: local[N], spark://host:7077, yarn, k8s://... (default: the one spark-submit",
          "was given, else local[*])."})
  public String master;
}
