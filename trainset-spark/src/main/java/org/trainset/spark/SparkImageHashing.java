package org.trainset.spark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.trainset.core.progress.Progress;
import org.trainset.refine.images.Fingerprint;
import org.trainset.refine.images.ImageDedup;
import scala.Tuple2;

/**
 * Image dedup's hashing on Spark: SHA-256, pHash and dHash of every image ({@link Fingerprint#of},
 * the refine module's code) in Spark tasks; the multi-index search and clustering then run on
 * the driver over the fingerprints (16 bytes of hashes an image). Images are read where the
 * items' media paths point, so on a cluster they must be on storage every node sees at that path.
 * An image that cannot be read fails the run with its file and item, as in the single-process verb
 * (the lowest-numbered one when several fail).
 */
public final class SparkImageHashing implements ImageDedup.Hasher {
  private final JavaSparkContext jsc;

  public SparkImageHashing(JavaSparkContext jsc) {
    this.jsc = jsc;
  }

  @Override public Fingerprint[] fingerprints(List<String> ids, List<Path> files, Progress progress) throws IOException {
    jsc.setJobDescription("dedup images: hash");
    List<Tuple2<Integer, String[]>> work = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      if (files.get(i) != null) work.add(new Tuple2<>(i, new String[] {files.get(i).toString(), ids.get(i)}));
    }
    int slices = Math.max(1, Math.min(work.size(), jsc.defaultParallelism() * 4));
    List<PartJobs.Outcome<Fingerprint>> hashed = jsc.parallelize(work, slices).map(w -> {
      try {
        return new PartJobs.Outcome<>(w._1(), Fingerprint.of(Path.of(w._2()[0]), w._2()[1]), null);
      } catch (Exception e) {
        return new PartJobs.Outcome<Fingerprint>(w._1(), null, PartJobs.portable(e));
      }
    }).collect();
    Fingerprint[] prints = new Fingerprint[ids.size()];
    for (PartJobs.Outcome<Fingerprint> o : hashed) prints[o.index()] = o.get();
    return prints;
  }
}
