package org.trainset.inspect.rules;

import org.trainset.core.issue.Issue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.trainset.core.model.*;

/** Small builders for test items and packs. */
public final class Items {
  private Items() {}

  public static AnnotationMeta meta(String id, String label, Object... kv) {
    return new AnnotationMeta(id, label, map(kv), null, 0, false, null);
  }

  public static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
    return m;
  }

  public static Box box(String id, String label, double x, double y, double w, double h, Object... attrs) {
    return new Box(meta(id, label, attrs), x, y, w, h);
  }

  public static Polygon poly(String id, String label, double[] pts, Object... attrs) {
    return new Polygon(meta(id, label, attrs), pts);
  }

  public static Polygon rect(String id, String label, double x, double y, double w, double h, Object... attrs) {
    return poly(id, label, new double[] {x, y, x + w, y, x + w, y + h, x, y + h}, attrs);
  }

  public static Item image(String id, int w, int h, List<? extends Annotation> anns, Object... itemAttrs) {
    return new Item(id, null, List.of(MediaRef.image("images/" + id + ".png", w, h)), map(itemAttrs),
        new ArrayList<>(anns));
  }

  public static Item video(String id, double duration, List<? extends Annotation> anns, Object... itemAttrs) {
    MediaRef m = new MediaRef(MediaKind.VIDEO, "clips/" + id + ".mp4", 1920, 1080, Map.of("duration", duration));
    return new Item(id, null, List.of(m), map(itemAttrs), new ArrayList<>(anns));
  }

  public static Item attrs(String id, Object... itemAttrs) {
    return new Item(id, null, List.of(), map(itemAttrs), List.of());
  }

  public static RulePack pack(String yaml) throws java.io.IOException {
    return RulePacks.parse(Path.of("test-pack.yaml"), yaml.getBytes(StandardCharsets.UTF_8), true);
  }

  /** Every finding (item and dataset level) of running {@code pack} over {@code items}. */
  public static List<Issue> run(RulePack pack, List<Item> items) {
    List<Issue> out = new ArrayList<>();
    InspectionRun run = new Inspector(pack).newRun();
    for (Item i : items) run.add(i, out::add);
    run.finish(out::add);
    return out;
  }

  public static List<String> ruleIds(List<Issue> findings) {
    return findings.stream().map(Issue::rule).distinct().sorted().toList();
  }
}
