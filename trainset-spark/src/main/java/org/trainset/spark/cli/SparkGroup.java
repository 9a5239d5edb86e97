package org.trainset.spark.cli;

import org.trainset.cli.GroupCommand;
import picocli.CommandLine.Command;

/** {@code trainset spark ...}: the dataset verbs on Apache Spark (docs/spark.md). */
@Command(name = "spark", mixinStandardHelpOptions = true,
    description = {"Run stats, validate, inspect, convert and dedup on Apache Spark (local[N] or a cluster).",
        "Results equal the single-process verbs'. See docs/spark.md for spark-submit and the class path."})
public final class SparkGroup extends GroupCommand {}
