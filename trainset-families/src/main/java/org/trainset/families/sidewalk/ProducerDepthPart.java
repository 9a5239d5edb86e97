package org.trainset.families.sidewalk;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.trainset.core.io.InputException;
import org.trainset.core.media.ImageHeaderProbe;
import org.trainset.core.model.Item;
import org.trainset.core.model.MediaKind;
import org.trainset.core.model.MediaRef;
import org.trainset.core.spi.ItemCursor;
import org.trainset.core.issue.Issue;
import org.trainset.core.issue.Severity;
import org.trainset.core.spi.ReadOptions;
import org.trainset.core.spi.ReadPart;

/**
 * The producer's depth sets: one item per {@code Sidewalk_<task>_depth_*_<N>_<k>} key seen in
 * {@code rawdata/} (eight PNGs) or {@code output/} (its calibration {@code .conf}), so a set with
 * files missing is an item with an error, never left out. Media in the release's role order with
 * the release role in {@code info.role} and the producer's in {@code info.producer_role}. Of
 * {@code left}/{@code L} (and {@code right}/{@code R}) the taller image is the raw frame
 * (1920×1080) and the other the crop (1920×592); at equal heights {@code L}/{@code R} are taken as
 * raw. Item attributes as for release depth sets ({@code confidence_ratio}, {@code calibration}).
 */
record ProducerDepthPart(String base) implements ReadPart {
  @Override public String describe() {
    return base + " (depth)";
  }

  @Override public ItemCursor open(ReadOptions options) throws IOException {
    Path root = options.storage().local(base);
    Map<String, Map<String, Path>> sets = new TreeMap<>();
    Map<String, Path> confs = new TreeMap<>();
    Map<String, String> tasks = new TreeMap<>();
    for (String folder : List.of(ProducerLayout.RAWDATA, ProducerLayout.OUTPUT)) {
      for (Path f : SidewalkFolder.files(root.resolve(folder), "", options.problems())) {
        ProducerNames n = ProducerNames.parse(f.getFileName().toString());
        if (n == null || n.folder() != SidewalkFolder.DEPTH) continue;
        String key = "Sidewalk_" + n.task() + "_depth_" + n.number() + "_" + n.k();
        tasks.put(key, n.task());
        if (n.ext().equals("conf")) {
          confs.put(key, f);
        } else if (n.ext().equals("png") && ProducerNames.DEPTH_FILES.contains(n.role())) {
          sets.computeIfAbsent(key, k -> new TreeMap<>()).put(n.role(), f);
        }
        sets.computeIfAbsent(key, k -> new TreeMap<>());
      }
    }
    Iterator<Map.Entry<String, Map<String, Path>>> it = sets.entrySet().iterator();
    return new ItemCursor() {
      @Override public Item next() throws IOException {
        if (!it.hasNext()) return null;
        Map.Entry<String, Map<String, Path>> set = it.next();
        String id = set.getKey();
        Map<String, Path> files = set.getValue();
        Map<String, int[]> sizes = new TreeMap<>();
        for (Map.Entry<String, Path> f : files.entrySet()) {
          int[] size = ImageHeaderProbe.size(f.getValue());
          if (size == null) throw new InputException(f.getValue(), "sidewalk-depth-image", "not a readable image");
          sizes.put(f.getKey(), size);
        }
        Map<String, String> roles = new LinkedHashMap<>(ProducerNames.DEPTH_ROLES);
        side(roles, sizes, "left", "L", "Left");
        side(roles, sizes, "right", "R", "Right");
        Map<String, String> byRelease = new LinkedHashMap<>();
        roles.forEach((producer, release) -> byRelease.put(release, producer));
        List<MediaRef> media = new ArrayList<>();
        for (String role : DepthPart.ROLES) {
          String producer = byRelease.get(role);
          Path f = producer == null ? null : files.get(producer);
          if (f == null) {
            options.problems().report(Issue.at(Severity.ERROR, "sidewalk-depth-incomplete", base, -1, id, null, "set " + id + " has no " + role + " file (" + producer + ")"));
            continue;
          }
          int[] size = sizes.get(producer);
          media.add(new MediaRef(MediaKind.IMAGE, ProducerLayout.RAWDATA + "/" + f.getFileName(), size[0], size[1],
              Map.of("role", role, "producer_role", producer)));
        }
        Map<String, Object> attrs = new LinkedHashMap<>();
        attrs.put("folder_kind", "depth");
        attrs.put("task", tasks.get(id));
        Path conf = files.get("confidence");
        if (conf != null) attrs.put("confidence_ratio", DepthPart.confidenceRatio(conf));
        Path cal = confs.get(id);
        if (cal != null) {
          attrs.put("calibration", CalibrationConf.read(cal));
        } else {
          options.problems().report(Issue.at(Severity.WARNING, "sidewalk-depth-calibration", base, -1, id, null, "no output/" + id.replace("_depth_", "_depth_output_") + ".conf for this set"));
        }
        return new Item(id, null, media, attrs, List.of());
      }

      @Override public void close() {}
    };
  }

  /** Assigns the producer's two names of one side to the raw and crop roles by image height. */
  private static void side(Map<String, String> roles, Map<String, int[]> sizes, String word, String letter, String side) {
    int[] a = sizes.get(word);
    int[] b = sizes.get(letter);
    boolean wordIsRaw = a != null && b != null && a[1] > b[1];
    roles.put(word, (wordIsRaw ? "Raw_" : "Crop_") + side);
    roles.put(letter, (wordIsRaw ? "Crop_" : "Raw_") + side);
  }
}
