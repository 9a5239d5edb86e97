package org.trainset.eval.split;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The split manifests: {@code split.csv} ({@code id,split,class,group}, one row per item in
 * dataset order) and {@code split.json} (the settings, per-split counts and the same assignment).
 * Written into a folder the caller stages and commits atomically.
 */
public final class SplitManifest {
  public static final String CSV = "split.csv";
  public static final String JSON = "split.json";

  private SplitManifest() {}

  public static void write(Path dir, List<SplitSample> samples, int[] splitOf, SplitReport report,
                           Map<String, Object> settings) throws IOException {
    List<String> names = report.splitNames();
    try (BufferedWriter w = Files.newBufferedWriter(dir.resolve(CSV), StandardCharsets.UTF_8)) {
      w.write("id,split,class,group\n");
      for (int i = 0; i < samples.size(); i++) {
        SplitSample s = samples.get(i);
        w.write(csv(s.id()) + "," + csv(names.get(splitOf[i])) + "," + csv(s.cls()) + "," + csv(s.group() == null ? "" : s.group()) + "\n");
      }
    }
    try (OutputStream os = Files.newOutputStream(dir.resolve(JSON));
         JsonGenerator g = new JsonFactory().createGenerator(os)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeObjectFieldStart("settings");
      for (var e : settings.entrySet()) {
        g.writeFieldName(e.getKey());
        g.writeString(String.valueOf(e.getValue()));
      }
      g.writeEndObject();
      g.writeArrayFieldStart("splits");
      for (int s = 0; s < names.size(); s++) {
        g.writeStartObject();
        g.writeStringField("name", names.get(s));
        g.writeNumberField("items", report.items()[s]);
        g.writeNumberField("groups", report.groups()[s]);
        g.writeObjectFieldStart("classes");
        for (var e : report.classCounts().get(s).entrySet()) g.writeNumberField(e.getKey(), e.getValue());
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeObjectFieldStart("assignment");
      for (int i = 0; i < samples.size(); i++) g.writeStringField(samples.get(i).id(), names.get(splitOf[i]));
      g.writeEndObject();
      g.writeEndObject();
    }
  }

  static String csv(String v) {
    if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) return v;
    return '"' + v.replace("\"", "\"\"") + '"';
  }
}
