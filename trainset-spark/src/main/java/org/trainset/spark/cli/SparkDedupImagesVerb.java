package org.trainset.spark.cli;

import org.apache.spark.api.java.JavaSparkContext;
import org.trainset.cli.refine.DedupImagesVerb;
import org.trainset.refine.images.ImageDedup;
import org.trainset.spark.SparkImageHashing;
import org.trainset.spark.SparkProgress;
import org.trainset.spark.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code trainset dedup images} with the images hashed in Spark tasks. */
@Command(name = "images", mixinStandardHelpOptions = true,
    description = {"'trainset dedup images' on Spark: SHA-256, pHash and dHash per image in Spark tasks, then the",
        "multi-index search and clustering over the hashes on the driver. Same clusters, output and reports",
        "as the single-process verb. Media must be on a path every executor sees."})
public final class SparkDedupImagesVerb extends DedupImagesVerb {
  @Mixin SparkOptions spark;
  private SparkProgress progress;
  private JavaSparkContext jsc;

  @Override public Class<?> group() {
    return null; // a subcommand of 'spark dedup'
  }

  @Override protected ImageDedup.Hasher hasher() {
    jsc = SparkSessions.context(SparkSessions.session(spark.master));
    if (!output.quiet) {
      progress = new SparkProgress(spec.commandLine().getErr(), "dedup images");
      jsc.sc().addSparkListener(progress);
    }
    return new SparkImageHashing(jsc);
  }

  @Override public Integer call() throws Exception {
    try {
      return super.call();
    } finally {
      if (progress != null) jsc.sc().removeSparkListener(progress);
    }
  }
}
