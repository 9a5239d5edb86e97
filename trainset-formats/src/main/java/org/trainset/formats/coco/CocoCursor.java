package org.trainset.formats.coco;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.trainset.core.io.Json;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.Item;
import org.trainset.core.model.MediaRef;
import org.trainset.core.spi.ItemCursor;
import org.trainset.core.issue.Issue;
import org.trainset.core.issue.Severity;
import org.trainset.core.spi.ReadOptions;

/**
 * Reads one subset in two passes over regions found at planning: images first (into an
 * {@link ImageTable}), then annotations, checked and spilled into {@link Buckets} by image
 * number; items are then emitted bucket by bucket in image order, their model annotations built
 * only then. COCO does not order annotations by image, so some
 * grouping store is unavoidable; spilling keeps the heap bounded by one bucket.
 */
final class CocoCursor implements ItemCursor {
  private final CocoPart part;
  private final ReadOptions options;
  private final ObjectMapper mapper;
  private final ImageTable images;
  private final Buckets buckets;
  private long bytes;
  private int nextImage;
  private int loadedBucket = -1;
  private final BucketPipeline pipeline;
  private List<List<Annotation>> bucket;

  CocoCursor(CocoPart part, ReadOptions options) throws IOException {
    this.part = part;
    this.options = options;
    this.mapper = Json.mapper(options.limits());
    boolean large = part.estimatedBytes() > Buckets.BYTES_PER_BUCKET;
    ImageTable table = new ImageTable(large);
    Buckets spilled = null;
    try {
      Map<String, Integer> byName = part.files().size() > 1 ? new HashMap<>() : null;
      ImageTable.LongIntMap[] ids = new ImageTable.LongIntMap[part.files().size()];
      ImageReader imageReader = new ImageReader(mapper, options.limits(),
          (rule, file, line, item, message) -> report(rule, file, line, item, null, message));
      long[] imageBytes = {0};
      for (int f = 0; f < ids.length; f++) ids[f] = imageReader.read(part.files().get(f), table, byName, imageBytes);
      bytes += imageBytes[0];
      spilled = new Buckets(table.size(), part.estimatedBytes(), new SpillCodec(mapper));
      for (int f = 0; f < ids.length; f++) {
        bytes += new AnnotationPass(part.files().get(f), f, ids[f], options.limits(), mapper,
            (rule, file, line, ann, message) -> report(rule, file, line, null, ann, message)).run(spilled);
      }
    } catch (IOException | RuntimeException e) {
      table.close();
      if (spilled != null) spilled.close();
      throw e;
    }
    this.images = table;
    this.buckets = spilled;
    this.pipeline = new BucketPipeline(spilled, this::build);
  }

  /** Serialised: annotation passes may report from several threads. */
  private synchronized void report(String rule, Path file, long line, String item, String ann, String message)
      throws IOException {
    options.problems().report(Issue.at(Severity.ERROR, rule, file.toString(), line, item, ann, message));
  }

  @Override public Item next() throws IOException {
    if (nextImage >= images.size()) return null;
    int b = buckets.bucketOf(nextImage);
    if (b != loadedBucket) {
      bucket = pipeline.get(b);
      loadedBucket = b;
    }
    ImageTable.Image img = images.next();
    List<Annotation> anns = bucket.get(nextImage - buckets.firstImage(b));
    nextImage++;
    String path = part.mediaPrefix() + img.fileName();
    return new Item(itemId(img.fileName()), part.subset(), List.of(MediaRef.image(path, img.width(), img.height())),
        img.attributes(), anns == null ? List.of() : anns);
  }

  /** Model annotations of one bucket's records (on the pipeline's thread); broken ones are reported. */
  private List<List<Annotation>> build(List<List<SpillCodec.Record>> records) throws IOException {
    List<List<Annotation>> out = new ArrayList<>(records.size());
    for (List<SpillCodec.Record> image : records) {
      if (image == null) {
        out.add(null);
        continue;
      }
      List<Annotation> anns = new ArrayList<>(image.size() + 2);
      for (SpillCodec.Record r : image) {
        try {
          anns.addAll(CocoAnnotations.map(r.raw(), r.label()));
        } catch (CocoAnnotations.Bad bad) {
          report(bad.rule, part.files().get(r.file()).file(), r.line(), null, r.raw().id,
              "annotation " + r.raw().id + ": " + bad.getMessage());
        }
      }
      out.add(anns);
    }
    return out;
  }


  /** Datumaro's item id: the file name without its extension. */
  static String itemId(String fileName) {
    int slash = fileName.lastIndexOf('/');
    int dot = fileName.lastIndexOf('.');
    return dot > slash + 1 ? fileName.substring(0, dot) : fileName;
  }

  @Override public long bytesRead() {
    return bytes;
  }

  @Override public void close() throws IOException {
    pipeline.close();
    try {
      images.close();
    } finally {
      buckets.close();
    }
  }
}
