package org.trainset.families.cctv;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.trainset.core.convert.LossReport;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.AnnotationType;
import org.trainset.core.model.Item;
import org.trainset.core.model.MediaRef;
import org.trainset.core.model.TimeEvent;

/** One clip's XML, indented like the release files, from an item. */
final class CctvXmlWriter {
  private final XMLStreamWriter w;
  private final LossReport loss;
  private int depth;

  private CctvXmlWriter(XMLStreamWriter w, LossReport loss) {
    this.w = w;
    this.loss = loss;
  }

  static void write(Item item, OutputStream out, LossReport loss) throws IOException {
    try {
      XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
      new CctvXmlWriter(w, loss).clip(item);
      w.flush();
    } catch (XMLStreamException e) {
      throw new IOException("writing clip XML for " + item.id() + ": " + e.getMessage(), e);
    }
  }

  private void clip(Item item) throws XMLStreamException {
    w.writeStartDocument("UTF-8", "1.0");
    open("annotation");
    if (item.attributes().get("xml") instanceof Map<?, ?> other) dotted(other);
    header(item);
    List<TimeEvent> actions = new ArrayList<>();
    for (Annotation a : item.annotations()) {
      if (!(a instanceof TimeEvent t)) {
        loss.dropped(a.type(), null, "CCTV XML holds events and actions");
      } else if ("action".equals(t.meta().attributes().get(CctvClipReader.KIND))) {
        actions.add(t);
      } else {
        event(t);
      }
    }
    objects(actions, fps(item));
    for (String k : item.attributes().keySet()) {
      if (!List.of("category", "class", "header", "xml", "mp4Disagreements").contains(k)) {
        loss.dropped(null, "item attribute '" + k + "'", null);
      }
    }
    close();
    w.writeCharacters("\n");
    w.writeEndDocument();
  }

  /** Flattened {@code size.width} keys back into nested elements (consecutive keys share a parent). */
  private void dotted(Map<?, ?> flat) throws XMLStreamException {
    String openParent = null;
    for (Map.Entry<?, ?> e : flat.entrySet()) {
      String key = e.getKey().toString();
      int dot = key.indexOf('.');
      String parent = dot < 0 ? null : key.substring(0, dot);
      if (!Objects.equals(parent, openParent)) {
        if (openParent != null) close();
        if (parent != null) open(parent);
        openParent = parent;
      }
      leaf(dot < 0 ? key : key.substring(key.lastIndexOf('.') + 1), String.valueOf(e.getValue()));
    }
    if (openParent != null) close();
  }

  private void header(Item item) throws XMLStreamException {
    Object h = item.attributes().get("header");
    MediaRef m = item.primaryMedia();
    if (h instanceof Map<?, ?> header) {
      open("header");
      for (Map.Entry<?, ?> e : header.entrySet()) leaf(e.getKey().toString(), String.valueOf(e.getValue()));
      close();
    } else if (m != null && m.info().containsKey("fps")) {
      open("header");
      leaf("fps", CctvClipReader.fmt(((Number) m.info().get("fps")).doubleValue()));
      leaf("frames", String.valueOf(m.info().get("frames")));
      close();
    }
  }

  private void event(TimeEvent t) throws XMLStreamException {
    open("event");
    leaf("eventname", t.label());
    leaf(CctvClipReader.STARTTIME, raw(t, CctvClipReader.STARTTIME, t.start()));
    leaf(CctvClipReader.DURATION, raw(t, CctvClipReader.DURATION, t.end() - t.start()));
    close();
  }

  /** The original text when it still says the same time, else the long form. */
  private String raw(TimeEvent t, String key, double seconds) {
    Object raw = t.meta().attributes().get(key);
    Double parsed = raw == null ? null : CctvTime.parse(raw.toString());
    if (parsed != null && Math.abs(parsed - seconds) < 1e-6) return raw.toString();
    return CctvTime.format(seconds);
  }

  private void objects(List<TimeEvent> actions, double fps) throws XMLStreamException {
    int i = 0;
    while (i < actions.size()) {
      Object object = actions.get(i).meta().attributes().get(CctvClipReader.OBJECT);
      open("object");
      if (object != null) leaf("objectname", object.toString());
      while (i < actions.size() && Objects.equals(object, actions.get(i).meta().attributes().get(CctvClipReader.OBJECT))) {
        String action = actions.get(i).label();
        open("action");
        leaf("actionname", action);
        while (i < actions.size() && Objects.equals(object, actions.get(i).meta().attributes().get(CctvClipReader.OBJECT))
            && actions.get(i).label().equals(action)) {
          TimeEvent t = actions.get(i++);
          open("frame");
          leaf("start", String.valueOf(frame(t, CctvClipReader.START_FRAME, t.start(), fps)));
          leaf("end", String.valueOf(frame(t, CctvClipReader.END_FRAME, t.end(), fps)));
          close();
        }
        close();
      }
      close();
    }
  }

  private long frame(TimeEvent t, String key, double seconds, double fps) {
    if (t.meta().attributes().get(key) instanceof Number n) return n.longValue();
    loss.approximated(AnnotationType.TIME_EVENT, "action time", "-> frame number");
    return Math.round(seconds * fps);
  }

  private static double fps(Item item) {
    if (item.attributes().get("header") instanceof Map<?, ?> h && h.get("fps") != null) {
      try {
        double f = Double.parseDouble(h.get("fps").toString());
        if (f > 0) return f;
      } catch (NumberFormatException e) {
        // fall back to the media's own rate
      }
    }
    MediaRef m = item.primaryMedia();
    return m != null && m.info().get("fps") instanceof Number n ? n.doubleValue() : 30;
  }

  private void open(String name) throws XMLStreamException {
    indent();
    w.writeStartElement(name);
    depth++;
  }

  private void close() throws XMLStreamException {
    depth--;
    indent();
    w.writeEndElement();
  }

  private void leaf(String name, String text) throws XMLStreamException {
    indent();
    w.writeStartElement(name);
    w.writeCharacters(text);
    w.writeEndElement();
  }

  private void indent() throws XMLStreamException {
    w.writeCharacters("\n" + "  ".repeat(depth));
  }
}
