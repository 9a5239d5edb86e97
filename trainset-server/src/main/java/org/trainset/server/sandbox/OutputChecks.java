package org.trainset.server.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.trainset.refine.images.Fingerprint;
import org.trainset.refine.images.MultiIndexHash;
import org.trainset.refine.images.PerceptualHash;

/**
 * The automatic checks every output gets before a person looks at it. Blocking findings (a file
 * type outside the allowlist, a copy or near-copy of a dataset image or file, an identifier from the
 * dataset in text) mean the output can only be rejected; warnings (small counts in tables) are for
 * the checker to judge. Archives are opened and every member is checked as a file of its own.
 */
public final class OutputChecks {
  /** pHash and dHash distances (bits of 64) under which an image is a near copy of a dataset image. */
  static final int PHASH_DISTANCE = 12;
  static final int DHASH_DISTANCE = 18;
  private static final int MAX_ARCHIVE_DEPTH = 3;
  private static final int MAX_ARCHIVE_ENTRIES = 10_000;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern COUNT_NAME = Pattern.compile("(?i)^(n|count|counts|.*_count|count_.*|num|num_.*|number.*|freq.*|frequency|total|patients|people|persons|subjects|items|cases|events)$");
  private static final Pattern SPLIT = Pattern.compile("[^\\p{L}\\p{N}]+");

  /** One finding on an output (or a member of it, {@code where} = {@code archive.zip!/member}). */
  public record Finding(String severity, String check, String where, String message) {
    public boolean blocks() {
      return severity.equals("block");
    }

    public ObjectNode toJson() {
      ObjectNode o = JSON.createObjectNode();
      o.put("severity", severity).put("check", check).put("where", where).put("message", message);
      return o;
    }
  }

  private final DatasetIndex index;
  private final SandboxLimits limits;
  private final MultiIndexHash phashes;
  private final Set<String> tokens = new HashSet<>();
  private final List<String> phrases = new ArrayList<>();
  private final Path scratch;

  public OutputChecks(DatasetIndex index, SandboxLimits limits, Path scratch) {
    this.index = index;
    this.limits = limits;
    this.scratch = scratch;
    long[] codes = new long[index.images().size()];
    for (int i = 0; i < codes.length; i++) codes[i] = index.images().get(i).phash();
    this.phashes = new MultiIndexHash(codes);
    for (String id : index.identifiers()) {
      if (SPLIT.matcher(id).find()) phrases.add(id); else tokens.add(id);
    }
  }

  /** The file type (by content) and every finding of one output file. */
  public record Report(String fileType, List<Finding> findings) {
    public boolean blocked() {
      return findings.stream().anyMatch(Finding::blocks);
    }
  }

  public Report check(Path file, String name) throws IOException {
    List<Finding> out = new ArrayList<>();
    long size = Files.size(file);
    if (size > limits.outputBytes()) {
      out.add(new Finding("block", "size", name, "larger than the limit of " + limits.outputBytes() + " bytes"));
      return new Report("other:too-large", out);
    }
    byte[] bytes = Files.readAllBytes(file);
    String type = check(bytes, name, 0, out);
    return new Report(type, out);
  }

  private String check(byte[] bytes, String where, int depth, List<Finding> out) throws IOException {
    String type = FileTypes.of(bytes);
    String sha = java.util.HexFormat.of().formatHex(org.trainset.server.Ids.sha256().digest(bytes));
    if (index.fileHashes().contains(sha)) {
      out.add(new Finding("block", "identical", where, "identical to a file of the dataset"));
    }
    switch (type) {
      case "png", "jpeg" -> nearCopies(bytes, where, out);
      case "zip" -> archive(bytes, where, depth, out);
      case "json", "csv", "text" -> {
        String text = FileTypes.text(bytes);
        identifiers(text, where, out);
        if (type.equals("csv")) smallCountsCsv(text, where, out);
        if (type.equals("json")) smallCountsJson(JSON.readTree(text), where, "", out);
      }
      case "npy" -> { }
      default -> out.add(new Finding("block", "file-type", where, "file type " + type.substring(type.indexOf(':') + 1)
          + " is not allowed out of the sandbox (allowed: text, CSV, JSON, PNG, JPEG, NumPy arrays, ZIP of these)"));
    }
    return type;
  }

  private void nearCopies(byte[] bytes, String where, List<Finding> out) throws IOException {
    Path tmp = Files.createTempFile(scratch, "check", ".img");
    try {
      Files.write(tmp, bytes);
      Fingerprint fp;
      try {
        fp = Fingerprint.of(tmp, where);
      } catch (IOException e) {
        out.add(new Finding("block", "file-type", where, "an image that cannot be decoded, so it cannot be compared with the dataset"));
        return;
      }
      int[] best = {-1, Integer.MAX_VALUE};
      phashes.query(fp.phash(), PHASH_DISTANCE, i -> {
        DatasetIndex.Image img = index.images().get(i);
        int d = PerceptualHash.distance(fp.phash(), img.phash());
        if (PerceptualHash.distance(fp.dhash(), img.dhash()) <= DHASH_DISTANCE && d < best[1]) {
          best[0] = i;
          best[1] = d;
        }
      });
      if (best[0] >= 0) {
        out.add(new Finding("block", "near-duplicate", where, "a near copy of dataset image " + index.images().get(best[0]).path()
            + " (pHash distance " + best[1] + " of 64 bits)"));
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private void archive(byte[] bytes, String where, int depth, List<Finding> out) throws IOException {
    if (depth >= MAX_ARCHIVE_DEPTH) {
      out.add(new Finding("block", "archive", where, "archives nested deeper than " + MAX_ARCHIVE_DEPTH + " levels"));
      return;
    }
    long total = 0;
    int entries = 0;
    try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(bytes))) {
      for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
        if (++entries > MAX_ARCHIVE_ENTRIES) {
          out.add(new Finding("block", "archive", where, "more than " + MAX_ARCHIVE_ENTRIES + " entries"));
          return;
        }
        if (e.isDirectory()) continue;
        byte[] member = z.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.outputBytes() - total + 1));
        total += member.length;
        if (total > limits.outputBytes()) {
          out.add(new Finding("block", "archive", where, "unpacks to more than " + limits.outputBytes() + " bytes"));
          return;
        }
        check(member, where + "!/" + e.getName(), depth + 1, out);
      }
    } catch (IOException | IllegalArgumentException e) {
      out.add(new Finding("block", "archive", where, "a damaged archive that cannot be checked: " + e.getMessage()));
    }
    if (entries == 0) out.add(new Finding("block", "archive", where, "not a readable ZIP archive"));
  }

  private void identifiers(String text, String where, List<Finding> out) {
    Set<String> seen = new java.util.TreeSet<>();
    for (String t : SPLIT.split(text)) if (tokens.contains(t)) seen.add(t);
    for (String p : phrases) if (text.contains(p)) seen.add(p);
    if (!seen.isEmpty()) {
      List<String> shown = seen.stream().limit(5).toList();
      out.add(new Finding("block", "identifier", where, seen.size() + " identifier(s) of the dataset's items, e.g. "
          + String.join(", ", shown)));
    }
  }

  /** Whether a line of the live log may be shown: it must not hold an identifier of the dataset. */
  public boolean lineHoldsIdentifier(String line) {
    for (String t : SPLIT.split(line)) if (tokens.contains(t)) return true;
    for (String p : phrases) if (line.contains(p)) return true;
    return false;
  }

  private void smallCountsCsv(String text, String where, List<Finding> out) {
    List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
    if (lines.size() < 2) return;
    String[] header = lines.get(0).split(",", -1);
    int small = 0;
    String example = null;
    for (int r = 1; r < lines.size(); r++) {
      String[] cells = lines.get(r).split(",", -1);
      for (int c = 0; c < Math.min(cells.length, header.length); c++) {
        if (!COUNT_NAME.matcher(header[c].trim().replace("\"", "")).matches()) continue;
        Long v = integer(cells[c].trim());
        if (v != null && v > 0 && v < limits.smallCount()) {
          small++;
          if (example == null) example = "row " + (r + 1) + ", column " + header[c].trim() + ": " + v;
        }
      }
    }
    if (small > 0) out.add(new Finding("warn", "small-count", where, small + " count(s) below " + limits.smallCount() + " (" + example + ")"));
  }

  private void smallCountsJson(JsonNode n, String where, String path, List<Finding> out) {
    int[] small = {0};
    String[] example = {null};
    walk(n, path, false, small, example);
    if (small[0] > 0) out.add(new Finding("warn", "small-count", where, small[0] + " count(s) below " + limits.smallCount() + " (" + example[0] + ")"));
  }

  /** Counts are integers under count-like keys, or the values of an object whose values are all integers (a table). */
  private void walk(JsonNode n, String path, boolean countContext, int[] small, String[] example) {
    if (n.isObject()) {
      boolean table = n.size() > 0;
      for (var it = n.elements(); it.hasNext(); ) if (!it.next().isIntegralNumber()) table = false;
      for (var it = n.fields(); it.hasNext(); ) {
        var e = it.next();
        boolean count = table || COUNT_NAME.matcher(e.getKey()).matches();
        walk(e.getValue(), path + "/" + e.getKey(), count, small, example);
      }
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) walk(n.get(i), path + "/" + i, countContext, small, example);
    } else if (countContext && n.isIntegralNumber() && n.asLong() > 0 && n.asLong() < limits.smallCount()) {
      small[0]++;
      if (example[0] == null) example[0] = path + " = " + n.asLong();
    }
  }

  private static Long integer(String s) {
    try {
      return Long.parseLong(s.replace("\"", ""));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
