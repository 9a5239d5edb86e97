package org.trainset.families.multimodal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trainset.core.json.JsonValues;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.AnnotationMeta;
import org.trainset.core.model.Box;
import org.trainset.core.model.Caption;
import org.trainset.core.model.Item;
import org.trainset.core.model.MediaKind;
import org.trainset.core.model.MediaRef;
import org.trainset.core.model.TimeEvent;
import org.trainset.core.spi.ReadOptions;
import org.trainset.families.jsonfiles.JsonFiles;

/**
 * One clip document ⇄ one item. Media: the clip's video (when named) then each annotated frame
 * image ({@code <clip folder>/frames/<frame_id>.jpg}). Per frame and person a {@code face} and a
 * {@code body} box (attributes frame_id, person_id, emotion, behavior, predicate, place; group =
 * the person's index); a rect whose coordinates are all empty strings is a person not visible
 * there and gives no box (normal data, not a problem). Objects become boxes labelled by
 * their name; utterances become {@code utterance} time events (speaker, text, emotion, intent,
 * strategy); the situation a caption. Persons, relations and unknown keys stay item attributes.
 */
final class MultimodalDocument {
  private static final List<String> HANDLED = List.of("clip_id", "video", "situation", "visual_results", "utterances");

  private MultimodalDocument() {}

  static Item parse(Path root, Path file, JsonNode doc, ReadOptions options) throws IOException {
    String rel = root.relativize(file.toAbsolutePath()).toString().replace('\\', '/');
    String folder = rel.contains("/") ? rel.substring(0, rel.lastIndexOf('/') + 1) : "";
    String id = doc.hasNonNull("clip_id") ? doc.get("clip_id").asText() : rel.substring(0, rel.length() - 5);
    Map<String, Object> attrs = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = doc.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!HANDLED.contains(e.getKey())) attrs.put(e.getKey(), JsonValues.toJava(e.getValue()));
    }
    List<MediaRef> media = new ArrayList<>();
    JsonNode video = doc.get("video");
    Integer vw = null;
    Integer vh = null;
    if (video != null && video.isObject()) {
      Map<String, Object> info = JsonValues.toMap(video);
      Object name = info.remove("file_name");
      Integer w = info.get("width") instanceof Long l ? l.intValue() : null;
      Integer h = info.get("height") instanceof Long l ? l.intValue() : null;
      info.remove("width");
      info.remove("height");
      vw = w;
      vh = h;
      if (name != null) media.add(new MediaRef(MediaKind.VIDEO, folder + name, w, h, info));
    }
    Map<String, Integer> personIndex = new LinkedHashMap<>();
    JsonNode persons = doc.get("persons");
    if (persons != null && persons.isArray()) {
      for (JsonNode p : persons) if (p.hasNonNull("person_id")) personIndex.putIfAbsent(p.get("person_id").asText(), personIndex.size() + 1);
    }
    List<Annotation> anns = new ArrayList<>();
    JsonNode visual = doc.get("visual_results");
    if (visual != null && !visual.isArray()) throw JsonFiles.bad(file, "/visual_results", "multimodal-visual", "expected an array");
    for (int v = 0; visual != null && v < visual.size(); v++) {
      JsonNode frames = visual.get(v).get("image_info");
      String vp = "/visual_results/" + v + "/image_info";
      if (frames == null) continue;
      if (!frames.isArray()) throw JsonFiles.bad(file, vp, "multimodal-frames", "expected an array");
      for (int f = 0; f < frames.size(); f++) {
        JsonNode frame = frames.get(f);
        String frameId = frame.path("frame_id").asText();
        String place = frame.path("place").asText(null);
        media.add(new MediaRef(MediaKind.IMAGE, folder + "frames/" + frameId + ".jpg", vw, vh, Map.of("frame_id", frameId)));
        JsonNode people = frame.path("persons");
        for (int p = 0; p < people.size(); p++) {
          JsonNode person = people.get(p);
          String pid = person.path("person_id").asText();
          JsonNode info = person.path("person_info");
          Map<String, Object> a = new LinkedHashMap<>();
          a.put("frame_id", frameId);
          a.put("person_id", pid);
          if (place != null) a.put("place", place);
          for (Iterator<Map.Entry<String, JsonNode>> it = info.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().endsWith("_rect")) a.put(e.getKey(), JsonValues.toJava(e.getValue()));
          }
          Integer group = personIndex.computeIfAbsent(pid, k -> personIndex.size() + 1);
          String pp = vp + "/" + f + "/persons/" + p + "/person_info/";
          rect(file, info.get("face_rect"), pp + "face_rect", "face", a, group, anns);
          rect(file, info.get("full_rect"), pp + "full_rect", "body", a, group, anns);
        }
        JsonNode objects = frame.path("objects");
        for (int o = 0; o < objects.size(); o++) {
          JsonNode obj = objects.get(o);
          Map<String, Object> a = new LinkedHashMap<>();
          a.put("frame_id", frameId);
          rect(file, obj.get("rect"), vp + "/" + f + "/objects/" + o + "/rect", obj.path("label").asText(), a, null, anns);
        }
      }
    }
    JsonNode utterances = doc.get("utterances");
    for (int u = 0; utterances != null && u < utterances.size(); u++) {
      JsonNode ut = utterances.get(u);
      String up = "/utterances/" + u;
      double start = JsonFiles.number(file, ut.get("start"), up + "/start");
      double end = JsonFiles.number(file, ut.get("end"), up + "/end");
      Map<String, Object> a = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = ut.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!List.of("utterance_id", "start", "end").contains(e.getKey())) a.put(e.getKey(), JsonValues.toJava(e.getValue()));
      }
      String uid = ut.hasNonNull("utterance_id") ? ut.get("utterance_id").asText() : null;
      anns.add(new TimeEvent(new AnnotationMeta(uid, "utterance", a, null, 0, false, null), start, end));
    }
    if (doc.hasNonNull("situation")) anns.add(new Caption(AnnotationMeta.of("situation"), doc.get("situation").asText()));
    return new Item(id, null, media, attrs, anns);
  }

  private static void rect(Path file, JsonNode r, String pointer, String label, Map<String, Object> attrs,
                           Integer group, List<Annotation> out) throws IOException {
    if (r == null || r.isNull()) return;
    String[] keys = {"min_x", "min_y", "max_x", "max_y"};
    double[] v = new double[4];
    int empty = 0;
    for (int i = 0; i < 4; i++) {
      JsonNode n = r.get(keys[i]);
      if (n != null && n.isTextual() && n.textValue().isEmpty()) {
        empty++;
        continue;
      }
      if (n != null && n.isTextual()) {
        try {
          v[i] = Double.parseDouble(n.textValue());
          continue;
        } catch (NumberFormatException e) {
          throw JsonFiles.bad(file, pointer + "/" + keys[i], "multimodal-coordinate", "not a number: " + n);
        }
      }
      v[i] = JsonFiles.number(file, n, pointer + "/" + keys[i]);
    }
    if (empty == 4) return; // the release's way of saying "not visible in this frame"
    if (empty > 0) {
      throw JsonFiles.bad(file, pointer, "multimodal-coordinate", empty + " of 4 coordinates are empty strings");
    }
    AnnotationMeta meta = new AnnotationMeta(null, label, attrs, group, 0, false, null);
    out.add(new Box(meta, v[0], v[1], v[2] - v[0], v[3] - v[1]));
  }
}
