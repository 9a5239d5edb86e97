package org.trainset.families.cctv;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.trainset.core.io.DatasetFolder;
import org.trainset.core.io.InputException;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.AnnotationMeta;
import org.trainset.core.model.Item;
import org.trainset.core.model.MediaKind;
import org.trainset.core.model.MediaRef;
import org.trainset.core.model.TimeEvent;
import org.trainset.core.issue.Issue;
import org.trainset.core.issue.Severity;
import org.trainset.core.spi.ReadOptions;

/**
 * One clip: its XML (root {@code annotation}) and the MP4 beside it. Events become
 * {@link TimeEvent}s in seconds; each action frame range becomes a {@link TimeEvent} with its
 * object, action and frame numbers as attributes. The MP4's own duration, frame count and rate
 * are compared with the XML header and the annotations; disagreements are reported as warnings
 * and listed on the item ({@code mp4Disagreements}).
 */
final class CctvClipReader {
  static final String KIND = "kind";
  static final String OBJECT = "object";
  static final String START_FRAME = "startFrame";
  static final String END_FRAME = "endFrame";
  static final String STARTTIME = "starttime";
  static final String DURATION = "duration";
  private static final Pattern CATEGORY = Pattern.compile("\\d+\\.(.+?)\\(([^)]+)\\)");

  private CctvClipReader() {}

  static Item read(Path root, Path xml, ReadOptions options) throws IOException {
    XmlNode doc = XmlNode.read(xml, options.limits());
    if (!doc.name().equals("annotation")) {
      throw new InputException(xml, doc.line(), doc.column(), "cctv-root", "root element must be <annotation>, found <" + doc.name() + ">");
    }
    String rel = root.relativize(xml).toString().replace('\\', '/');
    String id = rel.substring(0, rel.length() - 4);
    Map<String, Object> attrs = new LinkedHashMap<>();
    String folder = xml.getParent().equals(root) ? null : xml.getParent().getFileName().toString();
    if (folder != null) {
      attrs.put("category", folder);
      Matcher m = CATEGORY.matcher(folder);
      if (m.matches()) attrs.put("class", m.group(2));
    }
    Map<String, Object> other = new LinkedHashMap<>();
    for (XmlNode c : doc.children()) {
      if (!List.of("header", "event", "object").contains(c.name())) flatten(c, c.name(), other);
    }
    if (!other.isEmpty()) attrs.put("xml", other);
    Map<String, Object> header = new LinkedHashMap<>();
    XmlNode h = doc.child("header");
    if (h != null) {
      for (XmlNode c : h.children()) header.put(c.name(), c.text());
      attrs.put("header", header);
    }
    Double xmlFps = number(h == null ? null : h.child("fps"), xml);
    Double xmlFrames = number(h == null ? null : h.child("frames"), xml);

    Path video = xml.resolveSibling(id.substring(id.lastIndexOf('/') + 1) + ".mp4");
    Mp4Info mp4 = null;
    List<MediaRef> media = new ArrayList<>();
    if (DatasetFolder.present(video)) { // a dangling or FIFO .mp4 is an input error naming it; absent: reported below
      mp4 = Mp4Info.read(video);
      Map<String, Object> info = new LinkedHashMap<>();
      info.put("fps", mp4.fps());
      info.put("frames", mp4.frames());
      info.put("duration", mp4.duration());
      media.add(new MediaRef(MediaKind.VIDEO, id + ".mp4", mp4.width(), mp4.height(), info));
    } else {
      options.problems().report(Issue.at(Severity.ERROR, "cctv-missing-video", xml.toString(), -1, id, null, "no " + video.getFileName() + " beside the XML"));
    }
    double fps = xmlFps != null && xmlFps > 0 ? xmlFps : mp4 != null ? mp4.fps() : 0;

    Disagreements dis = new Disagreements(xml, id, options);
    if (mp4 != null) {
      if (xmlFps != null && xmlFps > 0 && Math.abs(xmlFps - mp4.fps()) > 0.01 * mp4.fps() + 0.01) {
        dis.add("cctv-fps-mismatch", "header fps " + fmt(xmlFps) + " but the MP4 runs at " + fmt(mp4.fps()));
      }
      if (xmlFrames != null && xmlFrames > 0 && Math.abs(xmlFrames - mp4.frames()) > 1) {
        dis.add("cctv-frames-mismatch", "header frames " + fmt(xmlFrames) + " but the MP4 has " + mp4.frames());
      }
      Double hd = h == null ? null : CctvTime.parse(h.childText("duration"));
      if (hd != null && Math.abs(hd - mp4.duration()) > 0.5) {
        dis.add("cctv-duration-mismatch", "header duration " + fmt(hd) + " s but the MP4 lasts " + fmt(mp4.duration()) + " s");
      }
    }

    List<Annotation> anns = new ArrayList<>();
    int n = 0;
    for (XmlNode e : doc.all("event")) {
      String name = e.childText("eventname");
      double start = time(e, STARTTIME, xml);
      double duration = time(e, DURATION, xml);
      Map<String, Object> a = new LinkedHashMap<>();
      a.put(KIND, "event");
      a.put(STARTTIME, e.childText(STARTTIME));
      a.put(DURATION, e.childText(DURATION));
      anns.add(new TimeEvent(new AnnotationMeta("event-" + (++n), name == null ? "" : name, a, null, 0, false, null),
          start, start + duration));
      if (mp4 != null && start + duration > mp4.duration() + 0.5) {
        dis.add("cctv-event-beyond-clip", "event '" + name + "' ends at " + fmt(start + duration) + " s, after the MP4's "
            + fmt(mp4.duration()) + " s");
      }
    }
    for (XmlNode o : doc.all("object")) {
      String objectName = o.childText("objectname");
      for (XmlNode act : o.all("action")) {
        String actionName = act.childText("actionname");
        for (XmlNode f : act.all("frame")) {
          long s = frame(f, "start", xml);
          long end = frame(f, "end", xml);
          Map<String, Object> a = new LinkedHashMap<>();
          a.put(KIND, "action");
          if (objectName != null) a.put(OBJECT, objectName);
          a.put(START_FRAME, s);
          a.put(END_FRAME, end);
          double t0 = fps > 0 ? s / fps : 0;
          double t1 = fps > 0 ? end / fps : 0;
          anns.add(new TimeEvent(new AnnotationMeta(null, actionName == null ? "" : actionName, a, null, 0, false, null), t0, t1));
          if (end < s) dis.add("cctv-action-frames", "action '" + actionName + "' ends (frame " + end + ") before it starts (" + s + ")");
          if (mp4 != null && end > mp4.frames()) {
            dis.add("cctv-action-beyond-clip", "action '" + actionName + "' ends at frame " + end + " of an MP4 with " + mp4.frames());
          }
        }
      }
    }
    if (!dis.messages.isEmpty()) attrs.put("mp4Disagreements", dis.messages);
    return new Item(id, null, media, attrs, anns);
  }

  private static void flatten(XmlNode n, String key, Map<String, Object> out) {
    if (n.children().isEmpty()) {
      out.put(key, n.text());
    } else {
      for (XmlNode c : n.children()) flatten(c, key + "." + c.name(), out);
    }
  }

  private static Double number(XmlNode n, Path xml) throws InputException {
    if (n == null || n.text().isEmpty()) return null;
    try {
      return Double.parseDouble(n.text());
    } catch (NumberFormatException e) {
      throw new InputException(xml, n.line(), n.column(), "cctv-number", "<" + n.name() + "> is not a number: '" + n.text() + "'");
    }
  }

  private static double time(XmlNode event, String field, Path xml) throws InputException {
    XmlNode n = event.child(field);
    if (n == null) throw new InputException(xml, event.line(), event.column(), "cctv-time", "<event> has no <" + field + ">");
    Double t = CctvTime.parse(n.text());
    if (t == null) {
      throw new InputException(xml, n.line(), n.column(), "cctv-time",
          "<" + field + "> '" + n.text() + "' is not HH:MM:SS.s, MM:SS or seconds");
    }
    return t;
  }

  private static long frame(XmlNode f, String field, Path xml) throws InputException {
    XmlNode n = f.child(field);
    if (n == null) throw new InputException(xml, f.line(), f.column(), "cctv-frame", "<frame> has no <" + field + ">");
    try {
      return Long.parseLong(n.text());
    } catch (NumberFormatException e) {
      throw new InputException(xml, n.line(), n.column(), "cctv-frame", "<" + field + "> is not a frame number: '" + n.text() + "'");
    }
  }

  static String fmt(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(Math.round(v * 1000) / 1000.0);
  }

  /** Collects disagreements for the item and reports each as a warning. */
  private static final class Disagreements {
    final Path xml;
    final String id;
    final ReadOptions options;
    final List<Object> messages = new ArrayList<>();

    Disagreements(Path xml, String id, ReadOptions options) {
      this.xml = xml;
      this.id = id;
      this.options = options;
    }

    void add(String rule, String message) throws IOException {
      messages.add(rule + ": " + message);
      options.problems().report(Issue.at(Severity.WARNING, rule, xml.toString(), -1, id, null, message));
    }
  }
}
