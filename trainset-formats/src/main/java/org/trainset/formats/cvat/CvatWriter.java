package org.trainset.formats.cvat;

import org.trainset.core.spi.StagedSink;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.trainset.core.convert.LossReport;
import org.trainset.core.io.AtomicOutput;
import org.trainset.core.io.SafePaths;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.DatasetSchema;
import org.trainset.core.model.Item;
import org.trainset.core.model.MediaKind;
import org.trainset.core.model.MediaRef;
import org.trainset.core.model.Track;
import org.trainset.core.spi.DatasetWriter;
import org.trainset.core.spi.ItemSink;
import org.trainset.core.spi.WriteOptions;

/**
 * Writes {@code OUT/annotations.xml}: CVAT for images 1.1, or CVAT for video 1.1 when an item
 * holds tracks. Items stream into a body file; the head (meta with every label the shapes used,
 * the video's source and size) is known only at the end, so {@link ItemSink#commit()} writes
 * head + body + tail and publishes the folder atomically.
 */
final class CvatWriter implements DatasetWriter {
  @Override public ItemSink open(Path outDir, DatasetSchema schema, WriteOptions options, LossReport loss)
      throws IOException {
    return new Sink(AtomicOutput.directory(outDir), schema, options, loss);
  }

  private static final class Sink extends StagedSink {
    private static final String BODY = ".annotations.body";
    private final BufferedWriter body;
    private final CvatLabelPlan labels;
    private final CvatShapeWriter shapes;
    private final CvatImageWriter images;
    private CvatMetaWriter.Video video;
    private long imageCount;

    Sink(AtomicOutput out, DatasetSchema schema, WriteOptions options, LossReport loss) throws IOException {
      super(out, schema, options, loss);
      this.body = Files.newBufferedWriter(out.path().resolve(BODY), StandardCharsets.UTF_8);
      XmlOut xml = new XmlOut(body);
      this.labels = new CvatLabelPlan(schema);
      this.shapes = new CvatShapeWriter(xml, labels, loss);
      this.images = new CvatImageWriter(xml, shapes, labels, loss, containerSubset(schema));
    }

    @Override public void accept(Item item) throws IOException {
      boolean hasTracks = item.annotations().stream().anyMatch(a -> a instanceof Track);
      MediaRef media = item.primaryMedia();
      if (hasTracks || (media != null && media.kind() == MediaKind.VIDEO)) {
        videoItem(item, media);
      } else {
        images.write(item);
        imageCount++;
        if (options.copyMedia()) copyMedia(item);
      }
    }

    private void videoItem(Item item, MediaRef media) throws IOException {
      String source = media != null ? media.path() : item.id();
      if (video == null) {
        video = new CvatMetaWriter.Video(source, media);
        if (!source.equals(item.id())) loss.changed(null, "item id", "video item -> its source name");
      } else {
        loss.changed(null, "video item", "merged into the file's one video (CVAT XML holds one)");
      }
      if (!item.attributes().isEmpty()) loss.dropped(null, "item attribute", "of a video");
      if (media != null && media.kind() != MediaKind.VIDEO) loss.changed(null, "media kind", "item with tracks -> video");
      if (item.subset() != null && !item.subset().equals(containerSubset(schema))) loss.dropped(null, "subset", "of a video item");
      for (Annotation a : item.annotations()) {
        if (a instanceof Track t) {
          labels.use(t.label());
          shapes.track(t);
        } else {
          loss.dropped(a.type(), null, "on a video outside any track");
        }
      }
    }

    private void copyMedia(Item item) throws IOException {
      MediaRef m = item.primaryMedia();
      if (m == null || options.mediaRoot() == null) return;
      Path src = SafePaths.resolveInside(options.mediaRoot(), m.path());
      if (!Files.isRegularFile(src)) return;
      Path dst = out.resolve(CvatImageWriter.expectedPath(item, images.subsetAttribute(item), images.name(item)));
      Files.createDirectories(dst.getParent());
      if (!Files.exists(dst)) Files.copy(src, dst);
    }

    @Override protected void release() throws IOException {
      body.close();
    }

    @Override protected void finish() throws IOException {
      Path bodyFile = out.path().resolve(BODY);
      Path xml = out.path().resolve(CvatFormat.ANNOTATIONS_FILE);
      try (OutputStream os = Files.newOutputStream(xml)) {
        BufferedWriter head = new BufferedWriter(new java.io.OutputStreamWriter(os, StandardCharsets.UTF_8));
        CvatMetaWriter.write(new XmlOut(head), schema, labels.labels(), video, imageCount, loss);
        head.flush();
        try (InputStream in = Files.newInputStream(bodyFile)) {
          in.transferTo(os);
        }
        os.write("</annotations>\n".getBytes(StandardCharsets.UTF_8));
      }
      Files.delete(bodyFile);
    }
  }

  @SuppressWarnings("unchecked")
  static String containerSubset(DatasetSchema schema) {
    if (!(schema.metadata().get(CvatFormat.METADATA_KEY) instanceof Map<?, ?> cvat)) return null;
    Object container = cvat.get("container");
    if (!(cvat.get("meta") instanceof Map<?, ?> meta) || container == null) return null;
    if (!(meta.get(container) instanceof Map<?, ?> box)) return null;
    return box.get("subset") instanceof String s && !s.isBlank() ? s : null;
  }
}
