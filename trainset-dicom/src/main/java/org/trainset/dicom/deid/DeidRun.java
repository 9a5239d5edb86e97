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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.trainset.core.io.AtomicOutput;
import org.trainset.core.io.SafePaths;
import org.trainset.core.progress.Progress;
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

  public DeidRun(DeidConfig config, boolean rename) {
    this.config = config;
    this.deid = new Deidentifier(config);
    this.rename = rename;
  }

  public DeidSummary run(Path in, Path out, Progress progress) throws IOException {
    Path absIn = in.toAbsolutePath().normalize();
    Path absOut = out.toAbsolutePath().normalize();
    if (absOut.startsWith(absIn) || absIn.startsWith(absOut)) {
      throw new IllegalArgumentException("--out must not be the input or inside it (or contain it): " + out);
    }
    List<Path> files = list(in);
    Map<String, Integer> actions = new TreeMap<>();
    int written = 0;
    int skipped = 0;
    long bytesIn = 0;
    long bytesOut = 0;
    progress.start("deid", files.size());
    try (AtomicOutput staged = AtomicOutput.directory(out)) {
      try (BufferedWriter log = Files.newBufferedWriter(staged.path().resolve(LOG), StandardCharsets.UTF_8)) {
        for (int i = 0; i < files.size(); i++) {
          Path f = files.get(i);
          String rel = Files.isDirectory(in) ? in.relativize(f).toString().replace('\\', '/') : f.getFileName().toString();
          if (!isDicom(f)) {
            skipped++;
            continue;
          }
          DicomFile src = new DicomReader().read(f);
          DeidLog fileLog = new DeidLog(rel);
          DicomFile clean = deid.apply(src, fileLog);
          String name = rename ? renamed(rel, clean) : rel;
          Path target = SafePaths.resolveInside(staged.path(), name);
          Files.createDirectories(target.getParent());
          DicomWriter.writeUnstaged(clean, target); // the folder is staged as a whole
          bytesIn += Files.size(f);
          bytesOut += Files.size(target);
          fileLog.counts().forEach((k, v) -> actions.merge(k, v, Integer::sum));
          log.write(logLine(name, fileLog));
          log.newLine();
          written++;
          progress.advance(i + 1);
        }
      }
      DeidSummary s = new DeidSummary(config.profile().name().toLowerCase(),
          config.options().stream().map(DeidOption::column).toList(), written, skipped, bytesIn, bytesOut, actions);
      JSON.writerWithDefaultPrettyPrinter().writeValue(staged.path().resolve(SUMMARY).toFile(), s);
      staged.commit();
      progress.finish();
      return s;
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
    try (Stream<Path> s = Files.walk(in)) {
      return new ArrayList<>(s.filter(Files::isRegularFile).sorted().toList());
    }
  }

  static boolean isDicom(Path f) throws IOException {
    if (f.getFileName().toString().toLowerCase().endsWith(".dcm")) return true;
    try (InputStream is = Files.newInputStream(f)) {
      return DicomReader.hasPart10Magic(is.readNBytes(132));
    }
  }
}
