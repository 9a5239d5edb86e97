package org.trainset.families.cctv;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.trainset.core.convert.LossReport;
import org.trainset.core.io.AtomicOutput;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.DatasetSchema;
import org.trainset.core.model.Item;
import org.trainset.core.model.MediaRef;
import org.trainset.core.model.TimeEvent;
import org.trainset.core.spi.DatasetReader;
import org.trainset.core.spi.DatasetWriter;
import org.trainset.core.spi.Format;
import org.trainset.core.spi.FormatDetector;
import org.trainset.core.spi.ItemSink;
import org.trainset.core.spi.WriteOptions;

/**
 * Temporal-detection export in ActivityNet's JSON layout ({@code activity_net.v1-3.min.json}):
 * {@code database.<video>.{subset, url, duration, resolution, annotations[{label, segment}]}}
 * plus a flat {@code taxonomy}. Events become segments; action frame ranges are left out
 * (declared on the loss report). Export only.
 */
public final class ActivityNetFormat implements Format {
  public static final String ID = "aihub.cctv.activitynet";

  @Override public String id() { return ID; }
  @Override public String description() {
    return "temporal detection JSON (ActivityNet layout) from CCTV events; export only";
  }
  @Override public FormatDetector detector() { return ctx -> FormatDetector.NONE; }
  @Override public Optional<DatasetReader> reader() { return Optional.empty(); }
  @Override public Optional<DatasetWriter> writer() { return Optional.of(ActivityNetFormat::open); }

  private static ItemSink open(Path outDir, DatasetSchema schema, WriteOptions options, LossReport loss)
      throws IOException {
    AtomicOutput out = AtomicOutput.directory(outDir);
    Path db = out.resolve(".database.part");
    JsonGenerator g = new JsonFactory().createGenerator(db.toFile(), JsonEncoding.UTF8);
    g.writeStartObject();
    Map<String, Integer> taxonomy = new LinkedHashMap<>();
    return new ItemSink() {
      @Override public void accept(Item item) throws IOException {
        g.writeObjectFieldStart(item.id());
        g.writeStringField("subset", subset(item.subset(), loss));
        MediaRef m = item.primaryMedia();
        if (m != null) g.writeStringField("url", m.path());
        Double duration = m != null && m.info().get("duration") instanceof Number n ? n.doubleValue() : null;
        if (duration != null) g.writeNumberField("duration", duration);
        if (m != null && m.hasSize()) g.writeStringField("resolution", m.width() + "x" + m.height());
        g.writeArrayFieldStart("annotations");
        for (Annotation a : item.annotations()) {
          boolean action = a instanceof TimeEvent t && "action".equals(t.meta().attributes().get(CctvClipReader.KIND));
          if (!(a instanceof TimeEvent t) || action) {
            loss.dropped(a.type(), action ? "action frame range" : null, action ? "segments hold events" : null);
            continue;
          }
          taxonomy.putIfAbsent(t.label(), taxonomy.size() + 1);
          g.writeStartObject();
          g.writeStringField("label", t.label());
          g.writeArrayFieldStart("segment");
          g.writeNumber(t.start());
          g.writeNumber(t.end());
          g.writeEndArray();
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }

      @Override public void commit() throws IOException {
        g.writeEndObject();
        g.close();
        // Head (version, taxonomy) is small; the database is copied from its staging file unchanged.
        java.io.StringWriter head = new java.io.StringWriter();
        try (JsonGenerator j = new JsonFactory().createGenerator(head)) {
          j.writeStartObject();
          j.writeStringField("version", "trainset aihub.cctv 1.0");
          j.writeArrayFieldStart("taxonomy");
          for (Map.Entry<String, Integer> e : taxonomy.entrySet()) {
            j.writeStartObject();
            j.writeStringField("nodeName", e.getKey());
            j.writeNumberField("nodeId", e.getValue());
            j.writeNumberField("parentId", 0);
            j.writeStringField("parentName", "Root");
            j.writeEndObject();
          }
          j.writeEndArray();
          j.writeEndObject();
        }
        String text = head.toString();
        try (var os = Files.newOutputStream(out.resolve("activitynet.json"))) {
          os.write((text.substring(0, text.length() - 1) + ",\"database\":").getBytes(java.nio.charset.StandardCharsets.UTF_8));
          Files.copy(db, os);
          os.write("}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        Files.delete(db);
        out.commit();
      }

      @Override public void close() throws IOException {
        g.close();
        out.close();
      }
    };
  }

  private static String subset(String s, LossReport loss) {
    if (s == null) {
      loss.changed(null, "subset", "none -> training");
      return "training";
    }
    return switch (s) {
      case "train" -> "training";
      case "val", "valid" -> "validation";
      case "test" -> "testing";
      default -> s;
    };
  }
}
