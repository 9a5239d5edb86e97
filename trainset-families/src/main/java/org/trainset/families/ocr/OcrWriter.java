package org.trainset.families.ocr;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.trainset.core.convert.LossReport;
import org.trainset.core.io.AtomicOutput;
import org.trainset.core.json.JsonValues;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.AnnotationType;
import org.trainset.core.model.Box;
import org.trainset.core.model.Caption;
import org.trainset.core.model.DatasetSchema;
import org.trainset.core.model.Item;
import org.trainset.core.model.MediaRef;
import org.trainset.core.spi.DatasetWriter;
import org.trainset.core.spi.ItemSink;
import org.trainset.core.spi.StagedSink;
import org.trainset.core.spi.WriteOptions;

/**
 * Writes the release layout: {@code textinthewild_data_info.json} (items without an id prefix)
 * and {@code <prefix>_data_info.json} for prefixed items, with images copied to the same
 * relative paths when the source media are at hand. Tables are streamed to staging files and
 * joined on commit, so memory does not grow with the dataset.
 */
final class OcrWriter implements DatasetWriter {
  @Override public ItemSink open(Path outDir, DatasetSchema schema, WriteOptions options, LossReport loss)
      throws IOException {
    return new Sink(AtomicOutput.directory(outDir), schema, options, loss);
  }

  private static final class Sink extends StagedSink {
    private final Map<String, Tables> files = new LinkedHashMap<>();
    private long annotationIds;

    Sink(AtomicOutput out, DatasetSchema schema, WriteOptions options, LossReport loss) {
      super(out, schema, options, loss);
    }

    @Override public void accept(Item item) throws IOException {
      String id = item.id();
      int slash = id.lastIndexOf('/');
      String stem = slash < 0 ? OcrFormat.WILD_STEM : id.substring(0, slash).replace('/', '_');
      String localId = slash < 0 ? id : id.substring(slash + 1);
      Tables t = files.get(stem);
      if (t == null) {
        t = new Tables(out.path(), stem);
        files.put(stem, t);
      }
      MediaRef m = item.primaryMedia();
      if (item.media().size() > 1) loss.dropped(null, "media", "beyond the first image");
      if (item.subset() != null) loss.dropped(null, "subset", null);
      JsonGenerator g = t.images;
      g.writeStartObject();
      g.writeStringField("id", localId);
      if (m != null && m.width() != null) g.writeNumberField("width", m.width());
      if (m != null && m.height() != null) g.writeNumberField("height", m.height());
      String path = m == null ? "" : m.path();
      g.writeStringField("file_name", path.substring(path.lastIndexOf('/') + 1));
      for (Map.Entry<String, Object> e : item.attributes().entrySet()) {
        g.writeFieldName(e.getKey());
        JsonValues.write(g, e.getValue());
      }
      g.writeEndObject();
      for (Annotation a : item.annotations()) writeAnnotation(t.annotations, localId, a);
      if (m != null) copy(m.path());
    }

    private void writeAnnotation(JsonGenerator g, String imageId, Annotation a) throws IOException {
      if (!(a instanceof Box) && !(a instanceof Caption)) {
        loss.dropped(a.type(), null, "OCR holds boxes and crop captions");
        return;
      }
      Map<String, Object> attrs = new LinkedHashMap<>(a.meta().attributes());
      Object text = a instanceof Caption c ? c.text() : attrs.remove(OcrAnnotations.TEXT);
      Object extra = attrs.remove(OcrAnnotations.EXTRA);
      g.writeStartObject();
      String id = a.meta().id() != null ? a.meta().id() : Long.toString(++annotationIds);
      g.writeFieldName("id");
      if (id.matches("0|[1-9][0-9]{0,17}")) g.writeNumber(Long.parseLong(id)); else g.writeString(id);
      g.writeStringField("image_id", imageId);
      g.writeFieldName("text");
      if (text == null) g.writeNull(); else g.writeString(text.toString());
      g.writeObjectFieldStart("attributes");
      g.writeStringField(a instanceof Caption ? OcrAnnotations.TYPE : OcrAnnotations.CLASS, a.label());
      for (Map.Entry<String, Object> e : attrs.entrySet()) {
        g.writeFieldName(e.getKey());
        JsonValues.write(g, e.getValue());
      }
      g.writeEndObject();
      if (a instanceof Box b) {
        if (b.rotation() != 0) loss.dropped(AnnotationType.BOX, "rotation", null);
        g.writeArrayFieldStart("bbox");
        for (double v : new double[] {b.x(), b.y(), b.width(), b.height()}) {
          if (v == Math.rint(v) && Math.abs(v) < 1e15) g.writeNumber((long) v); else g.writeNumber(v);
        }
        g.writeEndArray();
      }
      if (extra instanceof Map<?, ?> m) {
        for (Map.Entry<?, ?> e : m.entrySet()) {
          g.writeFieldName(e.getKey().toString());
          JsonValues.write(g, e.getValue());
        }
      }
      g.writeEndObject();
    }

    private void copy(String relative) throws IOException {
      if (options.mediaRoot() == null || relative.isEmpty()) return;
      Path src = options.mediaRoot().resolve(relative);
      if (!Files.isRegularFile(src)) {
        loss.dropped(null, "image file", "not found at the source, not copied");
        return;
      }
      Path dst = out.resolve(relative);
      if (Files.exists(dst)) return;
      Files.createDirectories(dst.getParent());
      Files.copy(src, dst, StandardCopyOption.COPY_ATTRIBUTES);
    }

    /** Ends and closes every info file's two streamed arrays. */
    @Override protected void release() throws IOException {
      IOException first = null;
      for (Tables t : files.values()) {
        try {
          t.close();
        } catch (IOException e) {
          if (first == null) first = e;
        }
      }
      if (first != null) throw first;
    }

    /** Joins each info file from its head and its two arrays: only the end of the dataset knows them whole. */
    @Override protected void finish() throws IOException {
      for (Map.Entry<String, Tables> e : files.entrySet()) e.getValue().join(out.path(), e.getKey(), schema);
    }
  }

  /** The images and annotations arrays of one info file, streamed to two staging files. */
  private static final class Tables {
    private static final JsonFactory FACTORY = new JsonFactory();
    final Path imagesFile;
    final Path annotationsFile;
    final JsonGenerator images;
    final JsonGenerator annotations;
    private boolean closed;

    Tables(Path staging, String stem) throws IOException {
      imagesFile = staging.resolve("." + stem + ".images.part");
      annotationsFile = staging.resolve("." + stem + ".annotations.part");
      images = FACTORY.createGenerator(imagesFile.toFile(), JsonEncoding.UTF8);
      annotations = FACTORY.createGenerator(annotationsFile.toFile(), JsonEncoding.UTF8);
      images.writeStartArray();
      annotations.writeStartArray();
    }

    /** After {@link #close()}: writes {@code <stem>_data_info.json} around the two arrays. */
    void join(Path staging, String stem, DatasetSchema schema) throws IOException {
      Map<String, Object> info = new LinkedHashMap<>();
      info.put("name", schema.name().isEmpty() ? stem : schema.name());
      Object created = schema.metadata().get("date_created");
      if (created != null) info.put("date_created", created.toString());
      String head = "{\"info\":" + new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(info) + ",\"images\":";
      try (OutputStream os = Files.newOutputStream(staging.resolve(stem + "_data_info.json"))) {
        os.write(head.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Files.copy(imagesFile, os);
        os.write(",\"annotations\":".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Files.copy(annotationsFile, os);
        os.write(",\"licenses\":[]}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
      Files.delete(imagesFile);
      Files.delete(annotationsFile);
    }

    /** Ends both arrays and closes their files; a second call does nothing. */
    void close() throws IOException {
      if (closed) return;
      closed = true;
      try {
        images.writeEndArray();
        images.close();
      } finally {
        annotations.writeEndArray();
        annotations.close();
      }
    }
  }
}
