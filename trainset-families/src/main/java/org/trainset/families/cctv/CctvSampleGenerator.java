package org.trainset.families.cctv;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.trainset.core.convert.LossReport;
import org.trainset.core.io.AtomicOutput;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.AnnotationMeta;
import org.trainset.core.model.Item;
import org.trainset.core.model.MediaKind;
import org.trainset.core.model.MediaRef;
import org.trainset.core.model.TimeEvent;
import org.trainset.core.sample.SampleGenerator;
import org.trainset.core.sample.SampleOptions;
import org.trainset.core.sample.SampleSummary;
import org.trainset.core.sample.SampleSummary.PlantedDefect;
import org.trainset.families.samples.SampleImages;

/**
 * Clips of the twelve abnormal-behaviour classes in category folders ({@code 03.절도(burglary)}):
 * a real H.264 MP4 (160×96, 10 fps, 3 s) where a person walks across the scene and turns red
 * while acting, and the XML whose event and action frames match those frames. Times alternate
 * between {@code HH:MM:SS.s} and {@code MM:SS}; every fifth clip has {@code <frames>0</frames>}
 * as some release files do. Defects: header fps or frame count contradicting the MP4, an event
 * running past the clip's end, action frames reversed.
 */
public final class CctvSampleGenerator implements SampleGenerator {
  static final int FPS = 10;
  static final int FRAMES = 30;
  static final int W = 160;
  static final int H = 96;
  static final String[][] CLASSES = {
      {"01.폭행(assault)", "assault", "punching"}, {"02.싸움(fight)", "fight", "kicking"},
      {"03.절도(burglary)", "burglary", "picking"}, {"04.기물파손(vandalism)", "vandalism", "kicking"},
      {"05.실신(swoon)", "swoon", "falldown"}, {"06.배회(wander)", "wander", "walking"},
      {"07.침입(trespass)", "trespass", "climbing"}, {"08.투기(dump)", "dump", "throwing"},
      {"09.강도(robbery)", "robbery", "threatening"}, {"10.데이트폭력및추행(datefight)", "datefight", "pushing"},
      {"11.납치(kidnap)", "kidnap", "pulling"}, {"12.주취행동(drunken)", "drunken", "staggering"}};
  private static final String[] DEFECTS = {"fps-mismatch", "event-beyond-clip", "action-frames-reversed", "frames-mismatch"};

  @Override public String formatId() { return CctvFormat.ID; }

  @Override public SampleSummary generate(Path outDir, SampleOptions options) throws IOException {
    Random rnd = new Random(options.seed());
    List<PlantedDefect> defects = new ArrayList<>();
    long annotations = 0;
    try (AtomicOutput out = AtomicOutput.directory(outDir)) {
      for (int i = 0; i < options.items(); i++) {
        String defect = options.defects() && i % 2 == 1 ? DEFECTS[(i / 2) % DEFECTS.length] : null;
        annotations += clip(out, i, rnd, defect, defects);
      }
      out.commit();
    }
    return new SampleSummary(formatId(), options.items(), annotations, Map.of("time_event", annotations), defects);
  }

  private int clip(AtomicOutput out, int index, Random rnd, String defect, List<PlantedDefect> defects) throws IOException {
    String[] cls = CLASSES[index % CLASSES.length];
    String id = cls[0] + "/" + cls[1] + "_" + String.format("%04d", index + 1);
    boolean shortTimes = index % 2 == 1;
    double start = shortTimes ? 1 : 0.5 + rnd.nextInt(6) / 10.0;
    double duration = shortTimes ? 1 : 1.0 + rnd.nextInt(6) / 10.0;
    long f0 = Math.round(start * FPS);
    long f1 = Math.min(FRAMES - 1, Math.round((start + duration) * FPS));
    Path mp4 = out.resolve(id + ".mp4");
    Files.createDirectories(mp4.getParent());
    encode(mp4, rnd, f0, f1);

    Map<String, Object> header = new LinkedHashMap<>();
    header.put("duration", CctvTime.format(FRAMES / (double) FPS));
    header.put("fps", Integer.toString(FPS));
    header.put("frames", index % 5 == 4 ? "0" : Integer.toString(FRAMES));
    header.put("inout", index % 3 == 0 ? "OUT" : "IN");
    header.put("location", index % 3 == 0 ? "outdoor street" : "indoor chroma-key");
    header.put("time", rnd.nextBoolean() ? "DAY" : "NIGHT");
    header.put("population", "2");
    if ("fps-mismatch".equals(defect)) {
      header.put("fps", "30");
      defects.add(new PlantedDefect(defect, id, "header fps 30, MP4 runs at " + FPS));
    }
    if ("frames-mismatch".equals(defect)) {
      header.put("frames", "300");
      defects.add(new PlantedDefect(defect, id, "header frames 300, MP4 has " + FRAMES));
    }
    if ("event-beyond-clip".equals(defect)) {
      duration = 5;
      defects.add(new PlantedDefect(defect, id, "event lasts until " + (start + duration) + " s, the clip " + FRAMES / FPS + " s"));
    }
    long a0 = f0;
    long a1 = f1;
    if ("action-frames-reversed".equals(defect)) {
      a0 = f1;
      a1 = f0;
      defects.add(new PlantedDefect(defect, id, "action frame start " + a0 + " after end " + a1));
    }
    String st = shortTimes ? CctvTime.formatShort(start) : CctvTime.format(start);
    String du = shortTimes ? CctvTime.formatShort(duration) : CctvTime.format(duration);
    List<Annotation> anns = new ArrayList<>();
    anns.add(new TimeEvent(new AnnotationMeta("event-1", cls[1], Map.of("kind", "event", "starttime", st, "duration", du),
        null, 0, false, null), start, start + duration));
    anns.add(action("person_1", cls[2], a0, a1));
    anns.add(action("person_2", "standing", 0, FRAMES - 1));
    Map<String, Object> xml = new LinkedHashMap<>();
    xml.put("folder", cls[0]);
    xml.put("filename", id.substring(id.indexOf('/') + 1) + ".mp4");
    xml.put("size.width", Integer.toString(W));
    xml.put("size.height", Integer.toString(H));
    Map<String, Object> attrs = new LinkedHashMap<>();
    attrs.put("xml", xml);
    attrs.put("header", header);
    Item item = new Item(id, null, List.of(new MediaRef(MediaKind.VIDEO, id + ".mp4", W, H, Map.of())), attrs, anns);
    try (OutputStream os = Files.newOutputStream(out.resolve(id + ".xml"))) {
      CctvXmlWriter.write(item, os, LossReport.strict());
    }
    return anns.size();
  }

  private static TimeEvent action(String object, String name, long start, long end) {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("kind", "action");
    a.put("object", object);
    a.put("startFrame", start);
    a.put("endFrame", end);
    return new TimeEvent(new AnnotationMeta(null, name, a, null, 0, false, null), start / (double) FPS, end / (double) FPS);
  }

  /** A person (box) walks left to right, red while acting; a second person stands by the wall. */
  private static void encode(Path mp4, Random rnd, long actFrom, long actTo) throws IOException {
    Color floor = SampleImages.color(rnd, 90, 140);
    Color wall = SampleImages.color(rnd, 160, 210);
    try (Mp4Clip clip = new Mp4Clip(mp4, FPS)) {
      for (int f = 0; f < FRAMES; f++) {
        BufferedImage img = SampleImages.canvas(W, H, wall);
        Graphics2D g = SampleImages.graphics(img);
        g.setColor(floor);
        g.fillRect(0, H * 2 / 3, W, H / 3);
        g.setColor(new Color(40, 60, 160));
        g.fillRect(130, 30, 12, 40);
        boolean acting = f >= actFrom && f <= actTo;
        g.setColor(acting ? new Color(220, 30, 30) : new Color(30, 30, 30));
        int x = 10 + f * 3;
        g.fillRect(x, 34, 12, 40);
        g.fillOval(x + 1, 22, 10, 12);
        g.dispose();
        clip.add(img);
      }
      clip.finish();
    }
  }
}
