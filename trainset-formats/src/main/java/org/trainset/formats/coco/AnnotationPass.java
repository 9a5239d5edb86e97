package org.trainset.formats.coco;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.trainset.core.io.ParseLimits;

/**
 * The annotations pass over one file: reads the "annotations" array, checks each annotation
 * (problems go to the reporter with their line) and spills it to its image's bucket. A large
 * array is cut at the object starts the skim recorded and read by up to one thread per core,
 * each over a consecutive stretch with its own {@link Buckets.Lane}, so file order is kept.
 */
final class AnnotationPass {
  /** Where a problem goes (the cursor's problem sink, serialised). */
  interface Reporter {
    void report(String rule, Path file, long line, String annotation, String message) throws IOException;
  }

  private final CocoFileIndex index;
  private final int fileNumber;
  private final ImageTable.LongIntMap ids;
  private final Map<Long, String> labels = new HashMap<>();
  /** {@link #labels} for ids 0..1023 (COCO's are under 100), looked up without boxing for each annotation. */
  private final String[] smallLabels = new String[1024];
  private final Map<Long, CocoFileIndex.Category> categories = new HashMap<>();
  private final ParseLimits limits;
  private final ObjectMapper mapper;
  private final Reporter reporter;

  AnnotationPass(CocoFileIndex index, int fileNumber, ImageTable.LongIntMap ids, ParseLimits limits,
                 ObjectMapper mapper, Reporter reporter) {
    this.index = index;
    this.fileNumber = fileNumber;
    this.ids = ids;
    this.limits = limits;
    this.mapper = mapper;
    this.reporter = reporter;
    for (CocoFileIndex.Category c : index.categories()) {
      labels.put(c.id(), c.name());
      if (c.id() >= 0 && c.id() < smallLabels.length) smallLabels[(int) c.id()] = c.name();
      categories.put(c.id(), c);
    }
  }

  /** Reads the whole array into {@code buckets}; returns the bytes read. */
  long run(Buckets buckets) throws IOException {
    if (index.annotations() == null) return 0;
    List<Region> starts = new ArrayList<>();
    starts.add(index.annotations());
    starts.addAll(index.annotationChunks());
    int threads = Math.min(starts.size(), Math.min(4, Runtime.getRuntime().availableProcessors()));
    if (threads <= 1) return stretch(starts, 0, starts.size(), buckets.lane());
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "coco-annotations");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<Long>> parts = new ArrayList<>();
      int per = (starts.size() + threads - 1) / threads;
      for (int from = 0; from < starts.size(); from += per) {
        int f = from;
        int to = Math.min(starts.size(), from + per);
        Buckets.Lane lane = buckets.lane();
        parts.add(pool.submit(() -> stretch(starts, f, to, lane)));
      }
      // Wait for every stretch before failing, so no thread still writes bucket files when the
      // caller cleans them up; the first failure in file order is the one reported.
      long bytes = 0;
      Exception first = null;
      for (Future<Long> part : parts) {
        try {
          bytes += BucketPipeline.join(part);
        } catch (IOException | RuntimeException e) {
          if (first == null) first = e;
        }
      }
      if (first instanceof IOException io) throw io;
      if (first instanceof RuntimeException r) throw r;
      return bytes;
    } finally {
      pool.shutdownNow();
    }
  }


  /** Chunks [from, to) of {@code starts}: the first starts at '[' (chunk 0) or at an object. */
  private long stretch(List<Region> starts, int from, int to, Buckets.Lane lane) throws IOException {
    Region start = starts.get(from);
    long end = to < starts.size() ? starts.get(to).offset() : Long.MAX_VALUE;
    Path file = index.file();
    double[][] scratch = {new double[256]};
    try (ByteJsonInput in = new ByteJsonInput(file, limits, start)) {
      if (from == 0) in.expect('[', "to open \"annotations\"");
      int c = in.nextNonWs();
      while (c != ']') {
        if (c != '{') throw in.unexpected(c, "an annotation object");
        if (in.offset() - 1 >= end) break;
        long line = in.line();
        RawAnnotation a = RawAnnotation.read(in, mapper, scratch);
        c = in.nextNonWs();
        if (c == ',') {
          c = in.nextNonWs();
        } else if (c != ']') {
          throw in.unexpected(c, "',' or ']'");
        }
        accept(a, line, lane);
      }
      return in.offset() - start.offset();
    }
  }

  /** The category's name, or null when the file has no such category. */
  private String labelOf(long categoryId) {
    if (categoryId >= 0 && categoryId < smallLabels.length) return smallLabels[(int) categoryId];
    return labels.get(categoryId);
  }

  private void accept(RawAnnotation a, long line, Buckets.Lane lane) throws IOException {
    Path file = index.file();
    String annId = a.id;
    int number = a.hasImageId ? ids.get(a.imageId) : -1;
    if (number < 0) {
      reporter.report("dangling-image", file, line, annId, "annotation " + annId + " refers to image_id "
          + a.imageText() + ", which is not in \"images\"");
      return;
    }
    if (a.segmentsInfo != null) {
      for (PanopticSegments.Segment s : PanopticSegments.expand(a, file, line, categories, reporter)) {
        lane.add(number, s.raw(), s.label(), fileNumber, line);
      }
      return;
    }
    String label = a.categoryText == null ? "" : a.hasCategoryId ? labelOf(a.categoryId) : null;
    if (label == null && a.hasCategoryId && a.categoryId == 0 && a.caption != null) label = ""; // a caption's category 0
    if (label == null) {
      reporter.report("dangling-category", file, line, annId, "annotation " + annId + " refers to category_id "
          + a.categoryText + ", which is not in \"categories\"");
      return;
    }
    try {
      CocoAnnotations.check(a);
      lane.add(number, a, label, fileNumber, line);
    } catch (CocoAnnotations.Bad bad) {
      reporter.report(bad.rule, file, line, annId, "annotation " + annId + ": " + bad.getMessage());
    }
  }
}
