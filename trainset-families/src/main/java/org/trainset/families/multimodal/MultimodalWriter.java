package org.trainset.families.multimodal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trainset.core.convert.LossReport;
import org.trainset.core.io.AtomicOutput;
import org.trainset.core.json.JsonValues;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.Box;
import org.trainset.core.model.Caption;
import org.trainset.core.model.DatasetSchema;
import org.trainset.core.model.Item;
import org.trainset.core.model.MediaKind;
import org.trainset.core.model.MediaRef;
import org.trainset.core.model.TimeEvent;
import org.trainset.core.spi.DatasetWriter;
import org.trainset.core.spi.ItemSink;
import org.trainset.core.spi.StagedSink;
import org.trainset.core.spi.WriteOptions;
import org.trainset.families.jsonfiles.MediaCopy;

/**
 * Writes one clip document per item in the layout {@link MultimodalDocument} reads:
 * {@code <clip folder>/<clip>.json} with the video beside it and the annotated frames under
 * {@code frames/<frame_id>.jpg}. Boxes with a {@code frame_id}: {@code face}/{@code body} boxes
 * become the frame's persons (their {@code face_rect}/{@code full_rect}), other labels its
 * objects; {@code utterance} events the utterances; the {@code situation} caption the situation.
 * The frames' timing ({@code visual_results[].start_time}) is not kept by the reader and is not
 * written.
 */
final class MultimodalWriter implements DatasetWriter {
  private static final JsonFactory JSON = new JsonFactory();
  private static final Set<String> PERSON_KEYS = Set.of("frame_id", "person_id", "place");

  @Override public ItemSink open(Path outDir, DatasetSchema schema, WriteOptions options, LossReport loss)
      throws IOException {
    AtomicOutput out = AtomicOutput.directory(outDir);
    return new StagedSink(out, schema, options, loss) {
      @Override public void accept(Item item) throws IOException {
        MediaRef video = item.media().stream().filter(m -> m.kind() == MediaKind.VIDEO).findFirst().orElse(null);
        String folder = video != null && video.path().contains("/")
            ? video.path().substring(0, video.path().lastIndexOf('/') + 1)
            : item.id().contains("/") ? item.id().substring(0, item.id().lastIndexOf('/') + 1) : item.id() + "/";
        String name = item.id().substring(item.id().lastIndexOf('/') + 1);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("clip_id", item.id());
        item.attributes().forEach(doc::putIfAbsent);
        if (video != null) {
          Map<String, Object> v = new LinkedHashMap<>();
          v.put("file_name", MediaCopy.fileName(video.path()));
          if (video.width() != null) v.put("width", (long) video.width());
          if (video.height() != null) v.put("height", (long) video.height());
          video.info().forEach(v::putIfAbsent);
          doc.put("video", v);
          copy(video.path(), folder + MediaCopy.fileName(video.path()));
        } else {
          // the reader sizes the frames from the video object, which may name no file
          MediaRef sized = item.media().stream().filter(MediaRef::hasSize).findFirst().orElse(null);
          if (sized != null) doc.put("video", Map.of("width", (long) sized.width(), "height", (long) sized.height()));
        }
        Map<String, Map<String, Object>> frames = new LinkedHashMap<>();
        for (MediaRef m : item.media()) {
          if (m.kind() != MediaKind.IMAGE) continue;
          String frameId = String.valueOf(m.info().getOrDefault("frame_id", stem(MediaCopy.fileName(m.path()))));
          frame(frames, frameId);
          copy(m.path(), folder + "frames/" + frameId + ".jpg");
        }
        List<Object> utterances = new ArrayList<>();
        for (Annotation a : item.annotations()) {
          if (a instanceof Box b && b.meta().attributes().get("frame_id") != null) {
            box(frame(frames, String.valueOf(b.meta().attributes().get("frame_id"))), b);
          } else if (a instanceof TimeEvent t && "utterance".equals(t.label())) {
            Map<String, Object> u = new LinkedHashMap<>();
            if (t.meta().id() != null) u.put("utterance_id", t.meta().id());
            u.put("start", t.start());
            u.put("end", t.end());
            t.meta().attributes().forEach(u::putIfAbsent);
            utterances.add(u);
          } else if (a instanceof Caption c && "situation".equals(c.label()) && !doc.containsKey("situation")) {
            doc.put("situation", c.text());
          } else {
            loss.dropped(a.type(), "label '" + a.label() + "'", "not a frame box, utterance or the situation");
          }
        }
        List<Object> visual = new ArrayList<>();
        for (Map<String, Object> f : frames.values()) {
          if (((List<?>) f.get("objects")).isEmpty()) f.remove("objects");
          visual.add(Map.of("vid", item.id(), "image_info", List.of(f)));
        }
        doc.put("visual_results", visual);
        doc.put("utterances", utterances);
        Path file = out.resolve(folder + name + ".json");
        Files.createDirectories(file.getParent());
        try (JsonGenerator g = JSON.createGenerator(file.toFile(), JsonEncoding.UTF8)) {
          g.useDefaultPrettyPrinter();
          JsonValues.write(g, doc);
        }
      }

      private void copy(String from, String to) throws IOException {
        if (!from.equals(to)) loss.changed(null, "media path", "moved to the clip folder's layout");
        MediaCopy.copy(options, from, out.resolve(to), loss);
      }
    };
  }

  private static Map<String, Object> frame(Map<String, Map<String, Object>> frames, String frameId) {
    return frames.computeIfAbsent(frameId, k -> {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("frame_id", k);
      f.put("persons", new ArrayList<Map<String, Object>>());
      f.put("objects", new ArrayList<Object>());
      return f;
    });
  }

  @SuppressWarnings("unchecked")
  private static void box(Map<String, Object> frame, Box b) {
    Map<String, Object> attrs = b.meta().attributes();
    Map<String, Object> rect = new LinkedHashMap<>();
    rect.put("min_x", b.x());
    rect.put("min_y", b.y());
    rect.put("max_x", b.x2());
    rect.put("max_y", b.y2());
    if (attrs.get("place") != null) frame.putIfAbsent("place", attrs.get("place"));
    boolean person = ("face".equals(b.label()) || "body".equals(b.label())) && attrs.get("person_id") != null;
    if (!person) {
      Map<String, Object> obj = new LinkedHashMap<>();
      obj.put("label", b.label());
      obj.put("rect", rect);
      ((List<Object>) frame.get("objects")).add(obj);
      return;
    }
    String pid = String.valueOf(attrs.get("person_id"));
    List<Map<String, Object>> persons = (List<Map<String, Object>>) frame.get("persons");
    Map<String, Object> info = null;
    for (Map<String, Object> p : persons) {
      if (pid.equals(p.get("person_id"))) info = (Map<String, Object>) p.get("person_info");
    }
    if (info == null) {
      info = new LinkedHashMap<>();
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("person_id", pid);
      p.put("person_info", info);
      persons.add(p);
    }
    info.put("face".equals(b.label()) ? "face_rect" : "full_rect", rect);
    for (Map.Entry<String, Object> e : attrs.entrySet()) {
      if (!PERSON_KEYS.contains(e.getKey())) info.putIfAbsent(e.getKey(), e.getValue());
    }
  }

  private static String stem(String file) {
    int dot = file.lastIndexOf('.');
    return dot < 0 ? file : file.substring(0, dot);
  }
}
