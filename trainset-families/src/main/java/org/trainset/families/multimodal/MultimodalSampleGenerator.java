package org.trainset.families.multimodal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.trainset.core.io.AtomicOutput;
import org.trainset.core.sample.SampleGenerator;
import org.trainset.core.sample.SampleOptions;
import org.trainset.core.sample.SampleSummary;
import org.trainset.core.sample.SampleSummary.PlantedDefect;
import org.trainset.families.samples.KoreanFont;
import org.trainset.families.samples.SampleImages;

/**
 * Two-person dialogue clips in a café: per clip two key frames (persons drawn with face and body,
 * a cup on the table, the current utterance as a Korean subtitle), boxes from the drawing, two
 * utterances with times, emotions, intent and strategy, a relation and a situation. Every third
 * clip has the second person turned away in its second frame: face coordinates are empty strings,
 * as in the public evidence. Defects: utterance ending before it starts, person ids swapped in a
 * frame, subtitle text differing from the transcript.
 */
public final class MultimodalSampleGenerator implements SampleGenerator {
  static final int WIDTH = 640;
  static final int HEIGHT = 360;
  private static final String[][] DIALOGUES = {
      {"시험 결과 나왔어?", "응, 생각보다 잘 봤어."},
      {"오늘 회의 몇 시야?", "세 시로 미뤄졌대."},
      {"이 커피 정말 맛있다.", "여기 원두가 유명하대."}};
  private static final String[] EMOTIONS = {"happy", "neutral", "surprise", "sad"};
  private static final String[] INTENTS = {"질문", "답변", "감탄", "정보제공"};
  private static final String[] STRATEGIES = {"공감", "정보 요청", "화제 유지"};
  static final String[] DEFECTS = {"time-reversed", "person-id-swap", "subtitle-mismatch"};
  private static final JsonFactory JSON = new JsonFactory();

  @Override public String formatId() { return MultimodalFormat.ID; }

  @Override public SampleSummary generate(Path outDir, SampleOptions options) throws IOException {
    Random rnd = new Random(options.seed());
    List<PlantedDefect> defects = new ArrayList<>();
    Map<String, Long> byType = new TreeMap<>();
    try (AtomicOutput out = AtomicOutput.directory(outDir)) {
      for (int i = 0; i < options.items(); i++) {
        String clip = String.format("S%04d_C%03d", i / 3 + 1, i % 3 + 1);
        String defect = options.defects() && i % 2 == 1 ? DEFECTS[(i / 2) % DEFECTS.length] : null;
        clip(out.path().resolve(clip), clip, i, rnd, defect, defects, byType);
      }
      out.commit();
    }
    long total = byType.values().stream().mapToLong(Long::longValue).sum();
    return new SampleSummary(formatId(), options.items(), total, byType, defects);
  }

  private record Person(Rectangle face, Rectangle body) {}

  private void clip(Path dir, String clip, int index, Random rnd, String defect, List<PlantedDefect> defects,
                    Map<String, Long> byType) throws IOException {
    String[] lines = DIALOGUES[index % DIALOGUES.length];
    double[][] times = {{0.4, 2.6 + rnd.nextInt(5) / 10.0}, {3.2, 5.4 + rnd.nextInt(5) / 10.0}};
    if ("time-reversed".equals(defect)) {
      times[1] = new double[] {times[1][1], times[1][0]};
      defects.add(new PlantedDefect(defect, clip, "utterance 2 ends at " + times[1][1] + " before it starts at " + times[1][0]));
    }
    Files.createDirectories(dir.resolve("frames"));
    try (JsonGenerator g = JSON.createGenerator(dir.resolve(clip + ".json").toFile(), JsonEncoding.UTF8)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("clip_id", clip);
      g.writeStringField("script_id", clip.substring(0, 5));
      g.writeObjectFieldStart("video");
      g.writeNumberField("fps", 30);
      g.writeNumberField("duration", 6.0);
      g.writeNumberField("width", WIDTH);
      g.writeNumberField("height", HEIGHT);
      g.writeEndObject();
      g.writeStringField("situation", "카페에서 두 친구가 " + (index % 3 == 0 ? "시험 결과" : index % 3 == 1 ? "회의 일정" : "커피") + "에 대해 이야기한다.");
      g.writeArrayFieldStart("persons");
      person(g, "P01", "female", "20대");
      person(g, "P02", "male", "30대");
      g.writeEndArray();
      g.writeArrayFieldStart("visual_results");
      for (int v = 0; v < 2; v++) {
        String frameId = String.format("%06d", (int) (times[v][0] * 30) + 15);
        String subtitle = lines[v];
        if (v == 1 && "subtitle-mismatch".equals(defect)) {
          subtitle = lines[v].replace("세", "네").replace("대", "데").replace("잘", "못");
          defects.add(new PlantedDefect(defect, clip, "frame " + frameId + " subtitle '" + subtitle
              + "' differs from the transcript '" + lines[v] + "'"));
        }
        boolean turnedAway = v == 1 && index % 3 == 2;
        BufferedImage img = SampleImages.canvas(WIDTH, HEIGHT, new Color(205, 180, 150));
        Graphics2D gr = SampleImages.graphics(img);
        gr.setColor(new Color(120, 80, 50));
        gr.fillRect(0, 250, WIDTH, 110);
        Person[] people = {draw(gr, 120 + rnd.nextInt(40), rnd, false), draw(gr, 420 + rnd.nextInt(40), rnd, turnedAway)};
        gr.setColor(Color.WHITE);
        Rectangle cup = new Rectangle(300 + rnd.nextInt(30), 222, 26, 30);
        gr.fillRect(cup.x, cup.y, cup.width, cup.height);
        gr.setColor(Color.BLACK);
        gr.fillRect(0, 315, WIDTH, 45);
        gr.setColor(Color.WHITE);
        gr.setFont(KoreanFont.of(22f));
        gr.drawString(subtitle, 20, 346);
        gr.dispose();
        SampleImages.noise(img, rnd, 3);
        SampleImages.writeJpeg(img, dir.resolve("frames/" + frameId + ".jpg"));

        g.writeStartObject();
        g.writeNumberField("start_time", times[v][0]);
        g.writeNumberField("end_time", times[v][1]);
        g.writeStringField("vid", clip);
        g.writeArrayFieldStart("image_info");
        g.writeStartObject();
        g.writeStringField("frame_id", frameId);
        g.writeStringField("place", "카페");
        g.writeArrayFieldStart("persons");
        boolean swap = v == 1 && "person-id-swap".equals(defect);
        if (swap) defects.add(new PlantedDefect(defect, clip, "frame " + frameId + " gives P01's boxes to P02 and back"));
        for (int p = 0; p < 2; p++) {
          g.writeStartObject();
          g.writeStringField("person_id", (p == 0) != swap ? "P01" : "P02");
          g.writeObjectFieldStart("person_info");
          boolean hidden = p == 1 && turnedAway;
          rect(g, "face_rect", hidden ? null : people[p].face());
          rect(g, "full_rect", people[p].body());
          g.writeStringField("behavior", "앉아 있다");
          g.writeStringField("predicate", p == v ? "말하다" : "듣다");
          g.writeStringField("emotion", EMOTIONS[(index + p + v) % EMOTIONS.length]);
          g.writeEndObject();
          g.writeEndObject();
          byType.merge("box", hidden ? 1L : 2L, Long::sum);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("objects");
        g.writeStartObject();
        g.writeStringField("label", "컵");
        rect(g, "rect", cup);
        g.writeEndObject();
        g.writeEndArray();
        byType.merge("box", 1L, Long::sum);
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("utterances");
      for (int u = 0; u < 2; u++) {
        g.writeStartObject();
        g.writeNumberField("utterance_id", u + 1);
        g.writeStringField("speaker", u == 0 ? "P01" : "P02");
        g.writeNumberField("start", times[u][0]);
        g.writeNumberField("end", times[u][1]);
        g.writeStringField("text", lines[u]);
        g.writeStringField("emotion", EMOTIONS[(index + u) % EMOTIONS.length]);
        g.writeStringField("intent", INTENTS[(index + u) % INTENTS.length]);
        g.writeStringField("strategy", STRATEGIES[(index + u) % STRATEGIES.length]);
        g.writeEndObject();
        byType.merge("time_event", 1L, Long::sum);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("relations");
      g.writeStartObject();
      g.writeStringField("subject", "P01");
      g.writeStringField("predicate", "친구");
      g.writeStringField("object", "P02");
      g.writeEndObject();
      g.writeEndArray();
      g.writeEndObject();
      byType.merge("caption", 1L, Long::sum);
    }
  }

  private static void person(JsonGenerator g, String id, String gender, String age) throws IOException {
    g.writeStartObject();
    g.writeStringField("person_id", id);
    g.writeStringField("gender", gender);
    g.writeStringField("age", age);
    g.writeEndObject();
  }

  private static Person draw(Graphics2D g, int x, Random rnd, boolean turnedAway) {
    Rectangle body = new Rectangle(x, 120, 90, 150);
    g.setColor(SampleImages.color(rnd, 40, 180));
    g.fillRect(x, 170, 90, 100);
    Rectangle face = new Rectangle(x + 20, 120, 50, 50);
    g.setColor(turnedAway ? new Color(40, 30, 25) : new Color(230, 195, 165));
    g.fillOval(face.x, face.y, face.width, face.height);
    if (!turnedAway) {
      g.setColor(Color.BLACK);
      g.fillRect(face.x + 14, face.y + 18, 5, 5);
      g.fillRect(face.x + 31, face.y + 18, 5, 5);
    }
    return new Person(face, body);
  }

  /** A rect as min/max corners; null writes empty strings (person not visible). */
  private static void rect(JsonGenerator g, String field, Rectangle r) throws IOException {
    g.writeObjectFieldStart(field);
    if (r == null) {
      for (String k : new String[] {"min_x", "min_y", "max_x", "max_y"}) g.writeStringField(k, "");
    } else {
      g.writeNumberField("min_x", r.x);
      g.writeNumberField("min_y", r.y);
      g.writeNumberField("max_x", r.x + r.width);
      g.writeNumberField("max_y", r.y + r.height);
    }
    g.writeEndObject();
  }
}
