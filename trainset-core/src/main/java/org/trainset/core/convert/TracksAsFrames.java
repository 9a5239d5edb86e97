package org.trainset.core.convert;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.AnnotationType;
import org.trainset.core.model.AnnotationMeta;
import org.trainset.core.model.Item;
import org.trainset.core.model.MediaRef;
import org.trainset.core.model.Track;
import org.trainset.core.model.TrackFrame;

/**
 * Turns a video item's tracks into one image item per frame, for targets that hold images only
 * (COCO, YOLO, VOC): every frame a track is visible on (not {@code outside}) gets the track's shape
 * there, labelled with the track's label and carrying {@code track_id} plus the track's and the
 * frame's attributes. Frames are named as CVAT and Datumaro export them,
 * {@code images/frame_<6-digit number>.<ext>}; an existing file of that name under the media root
 * is used, else the frame is named {@code .png} and the missing image is reported. Memory: the one
 * video item, which the reader already holds.
 */
public final class TracksAsFrames {
  /** The attribute holding the id of the track a frame annotation came from. */
  public static final String TRACK_ID = "track_id";
  private static final List<String> FRAME_EXTENSIONS = List.of("png", "jpg", "jpeg", "PNG", "JPG");

  private TracksAsFrames() {}

  /** {@code item} itself when it has no tracks, else one item per visible frame, in frame order. */
  public static List<Item> split(Item item, Path mediaRoot, LossReport loss) {
    if (item.annotations().stream().noneMatch(a -> a instanceof Track)) return List.of(item);
    Map<Integer, List<Annotation>> byFrame = new TreeMap<>();
    for (Annotation a : item.annotations()) {
      if (!(a instanceof Track t)) {
        loss.dropped(a.type(), null, "on a video item, not in a track");
        continue;
      }
      for (TrackFrame f : t.frames()) {
        if (f.outside()) continue;
        byFrame.computeIfAbsent(f.frame(), k -> new ArrayList<>()).add(frameShape(t, f));
      }
    }
    MediaRef video = item.primaryMedia();
    List<Item> frames = new ArrayList<>();
    for (var e : byFrame.entrySet()) {
      String name = String.format(java.util.Locale.ROOT, "frame_%06d", e.getKey());
      String path = framePath(mediaRoot, name);
      if (path == null) {
        path = "images/" + name + ".png";
        loss.changed(AnnotationType.TRACK, "frame", "-> item whose frame image is not under images/");
      }
      MediaRef media = MediaRef.image(path, video == null ? null : video.width(), video == null ? null : video.height());
      Map<String, Object> attrs = new LinkedHashMap<>(item.attributes());
      attrs.put("frame", (long) e.getKey());
      frames.add(new Item(name, item.subset(), List.of(media), attrs, e.getValue()));
    }
    return frames;
  }

  private static Annotation frameShape(Track t, TrackFrame f) {
    AnnotationMeta track = t.meta();
    AnnotationMeta shape = f.shape().meta();
    Map<String, Object> attrs = new LinkedHashMap<>(track.attributes());
    attrs.putAll(shape.attributes());
    if (track.id() != null) {
      Object id;
      try {
        id = Long.valueOf(track.id());
      } catch (NumberFormatException ex) {
        id = track.id();
      }
      attrs.put(TRACK_ID, id);
    }
    AnnotationMeta meta = new AnnotationMeta(null, track.label(), attrs, track.group(), shape.zOrder(),
        shape.occluded(), shape.source() != null ? shape.source() : track.source());
    return f.shape().withMeta(meta);
  }

  private static String framePath(Path mediaRoot, String name) {
    if (mediaRoot == null) return null;
    for (String ext : FRAME_EXTENSIONS) {
      String p = "images/" + name + "." + ext;
      if (Files.isRegularFile(mediaRoot.resolve(p))) return p;
    }
    return null;
  }
}
