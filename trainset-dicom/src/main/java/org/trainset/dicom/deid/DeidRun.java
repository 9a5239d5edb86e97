package org.trainset.dicom.deid;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.trainset.core.io.InputException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.trainset.core.io.AtomicOutput;
import org.trainset.core.io.SafePaths;
import org.trainset.core.progress.Progress;
import org.trainset.core.io.ParseLimits;
import org.trainset.dicom.io.DicomDir;
import org.trainset.dicom.io.DicomFile;
import org.trainset.dicom.io.DicomReader;
import org.trainset.dicom.io.DicomWriter;
import org.trainset.dicom.io.Tags;

/**
 * De-identifies a file or a folder tree into {@code out}: every DICOM file (a {@code .dcm} name or
 * the {@code DICM} magic) is written at the same relative path (or named by its new SOP Instance
 * UID with {@code rename}); other files are skipped, never copied, since they may hold PHI. Writes
 * {@code deid-log.jsonl} (per file: tag, keyword, action — never a value) and
 * {@code deid-summary.json}. All or nothing: one failing file fails the run and {@code out} is left
 * as it was.
 */
public final class DeidRun {
  public static final String LOG = "deid-log.jsonl";
  public static final String SUMMARY = "deid-summary.json";
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Deidentifier deid;
  private final DeidConfig config;
  private final boolean rename;
  private final int threads;
  private final DicomReader.Options readOptions;

  /** {@code threads}: files de-identified at once (memory grows with it: one file each, pixel data excepted). */
  /** The output folder is the input, lies inside it, or contains it (the CLI names its option). */
  public static final class OutputOverlapsInput extends IllegalArgumentException {
    public OutputOverlapsInput(Path out) {
      super("the output folder must not be the input folder, lie inside it, or contain it: " + out);
    }
  }

  public DeidRun(DeidConfig config, boolean rename, int threads) {
    this(config, rename, threads, ParseLimits.DEFAULT);
  }

  /** As above, reading every file within {@code limits}. */
  public DeidRun(DeidConfig config, boolean rename, int threads, ParseLimits limits) {
    this.config = config;
    this.deid = new Deidentifier(config);
    this.rename = rename;
    this.threads = Math.max(1, threads);
    this.readOptions = DicomReader.Options.defaults().withLimits(limits);
  }

  public DeidSummary run(Path in, Path out, Progress progress) throws IOException {
    Path absIn = in.toAbsolutePath().normalize();
    Path absOut = out.toAbsolutePath().normalize();
    if (absOut.startsWith(absIn) || absIn.startsWith(absOut)) {
      throw new OutputOverlapsInput(out);
    }
    List<Path> files = list(in);
    Map<String, Integer> actions = new TreeMap<>();
    int written = 0;
    int skipped = 0;
    long bytesIn = 0;
    long bytesOut = 0;
    progress.start("deid", files.size());
    try (AtomicOutput staged = AtomicOutput.directory(out)) {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try (BufferedWriter log = Files.newBufferedWriter(staged.path().resolve(LOG), StandardCharsets.UTF_8)) {
        // Files are de-identified in parallel but logged in input order, so the log is reproducible.
        List<Future<Result>> results = new ArrayList<>();
        for (Path f : files) results.add(pool.submit(() -> one(in, f, staged.path())));
        Set<String> names = new HashSet<>();
        for (int i = 0; i < results.size(); i++) {
          Result r = await(results.get(i));
          progress.advance(i + 1);
          if (r == null) {
            skipped++;
            continue;
          }
          if (!names.add(r.name())) {
            throw new InputException(files.get(i), "deid.duplicate-output", "two inputs are written to " + r.name()
                + " (same SOP Instance UID with --rename?)");
          }
          bytesIn += r.bytesIn();
          bytesOut += r.bytesOut();
          r.counts().forEach((k, v) -> actions.merge(k, v, Integer::sum));
          log.write(r.logLine());
          log.newLine();
          written++;
        }
      } finally {
        pool.shutdownNow();
        awaitWorkers(pool); // none may still write into the staging folder while it is removed
      }
      DeidSummary s = new DeidSummary(config.profile().name().toLowerCase(),
          config.options().stream().map(DeidOption::column).toList(), written, skipped, bytesIn, bytesOut, actions);
      JSON.writerWithDefaultPrettyPrinter().writeValue(staged.path().resolve(SUMMARY).toFile(), s);
      staged.commit();
      progress.finish();
      return s;
    }
  }

  /** What one file produced; null from {@link #one} when the file is not DICOM. */
  private record Result(String name, String logLine, long bytesIn, long bytesOut, Map<String, Integer> counts) {}

  private Result one(Path in, Path f, Path staging) throws IOException {
    String rel = Files.isDirectory(in) ? in.relativize(f).toString().replace('\\', '/') : f.getFileName().toString();
    if (!isDicom(f)) return null;
    DicomFile src = new DicomReader(readOptions).read(f);
    DeidLog fileLog = new DeidLog(rel);
    DicomFile clean = deid.apply(src, fileLog);
    if (DicomDir.isDirectory(src)) {
      // records name their files by path: renamed outputs would leave them pointing at nothing
      if (rename) throw new InputException(f, "deid.dicomdir", "a DICOMDIR refers to its files by name, so outputs cannot be renamed");
      clean = DicomDir.relink(src, clean); // the records' offsets, for the file as it is written
    }
    String name = rename ? renamed(rel, clean) : rel;
    Path target = SafePaths.resolveInside(staging, name);
    Files.createDirectories(target.getParent());
    DicomWriter.writeUnstaged(clean, target); // the folder is staged as a whole
    return new Result(name, logLine(name, fileLog), Files.size(f), Files.size(target), fileLog.counts());
  }

  private static void awaitWorkers(ExecutorService pool) throws java.io.InterruptedIOException {
    try {
      while (!pool.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS)) {
        // a file being written finishes; its output is discarded with the staging folder
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("de-identification interrupted");
    }
  }

  private static Result await(Future<Result> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("de-identification interrupted");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) throw io;
      if (e.getCause() instanceof RuntimeException re) throw re;
      throw new IllegalStateException(e.getCause());
    }
  }

  private static String renamed(String rel, DicomFile clean) {
    String uid = clean.dataset().string(Tags.SOP_INSTANCE_UID).orElse(null);
    if (uid == null) return rel;
    int slash = rel.lastIndexOf('/');
    return (slash < 0 ? "" : rel.substring(0, slash + 1)) + uid + ".dcm";
  }

  private static String logLine(String file, DeidLog log) throws IOException {
    ObjectNode o = JSON.createObjectNode();
    o.put("file", file);
    ArrayNode arr = o.putArray("changes");
    for (DeidLog.Change c : log.changes()) arr.addObject().put("tag", c.path()).put("keyword", c.keyword()).put("action", c.action());
    return JSON.writeValueAsString(o);
  }

  static List<Path> list(Path in) throws IOException {
    if (!Files.isDirectory(in)) return List.of(in);
    // a dangling symlink or a FIFO among the inputs is an input error naming it, not a file fewer
    return new ArrayList<>(org.trainset.core.io.DatasetFolder.files(in, Integer.MAX_VALUE, p -> true,
        org.trainset.core.spi.ProblemSink.FAIL));
  }

  static boolean isDicom(Path f) throws IOException {
    if (f.getFileName().toString().toLowerCase().endsWith(".dcm")) return true;
    try (InputStream is = Files.newInputStream(f)) {
      return DicomReader.hasPart10Magic(is.readNBytes(132));
    }
  }
}
