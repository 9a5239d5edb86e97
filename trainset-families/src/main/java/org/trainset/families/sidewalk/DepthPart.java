package org.trainset.families.sidewalk;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
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
 * A {@code Depth_} folder: one item per set of eight files ({@code <set>_<role>.png}), media in
 * role order with the role in {@code info}; the calibration {@code .conf} as attribute
 * {@code calibration}; {@code confidence_ratio} = share of white (1) pixels of the binary
 * Confidence image (the guideline keeps a set only when it is at least 0.2).
 */
record DepthPart(String base, String folder) implements ReadPart {
  static final List<String> ROLES = List.of("Disparity16", "Disparity", "Confidence_save", "Confidence",
      "Crop_Left", "Crop_Right", "Raw_Left", "Raw_Right");
  private static final Pattern FILE = Pattern.compile("(.+)_(" + String.join("|", ROLES) + ")\\.png");

  @Override public String describe() {
    return folder;
  }

  @Override public ItemCursor open(ReadOptions options) throws IOException {
    Path dir = options.storage().local(folder);
    String name = dir.getFileName().toString();
    Map<String, Map<String, Path>> sets = new TreeMap<>();
    for (Path f : SidewalkFolder.files(dir, ".png", options.problems())) {
      Matcher m = FILE.matcher(f.getFileName().toString());
      if (m.matches()) sets.computeIfAbsent(m.group(1), k -> new TreeMap<>()).put(m.group(2), f);
    }
    List<Path> confs = SidewalkFolder.files(dir, ".conf", options.problems());
    Map<String, Object> calibration = confs.isEmpty() ? null : CalibrationConf.read(confs.get(0));
    if (confs.isEmpty()) {
      options.problems().report(Issue.at(Severity.WARNING, "sidewalk-depth-calibration", folder, -1, null, null, "no calibration .conf in the depth folder"));
    }
    Iterator<Map.Entry<String, Map<String, Path>>> it = sets.entrySet().iterator();
    return new ItemCursor() {
      @Override public Item next() throws IOException {
        if (!it.hasNext()) return null;
        Map.Entry<String, Map<String, Path>> set = it.next();
        String id = name + "/" + set.getKey();
        List<MediaRef> media = new ArrayList<>();
        for (String role : ROLES) {
          Path f = set.getValue().get(role);
          if (f == null) {
            options.problems().report(Issue.at(Severity.ERROR, "sidewalk-depth-incomplete", folder, -1, id, null, "set " + set.getKey() + " has no " + role + " file"));
            continue;
          }
          int[] size = ImageHeaderProbe.size(f);
          if (size == null) throw new InputException(f, "sidewalk-depth-image", "not a readable image");
          media.add(new MediaRef(MediaKind.IMAGE, name + "/" + f.getFileName(), size[0], size[1], Map.of("role", role)));
        }
        Map<String, Object> attrs = new LinkedHashMap<>();
        attrs.put("folder_kind", "depth");
        Path conf = set.getValue().get("Confidence");
        if (conf != null) attrs.put("confidence_ratio", confidenceRatio(conf));
        if (calibration != null) attrs.put("calibration", calibration);
        return new Item(id, null, media, attrs, List.of());
      }

      @Override public void close() {}
    };
  }

  /** Share of pixels that are 1 (white) in a binary image, rounded to 4 decimals. */
  static double confidenceRatio(Path file) throws IOException {
    BufferedImage img = ImageIO.read(file.toFile());
    if (img == null) throw new InputException(file, "sidewalk-depth-image", "not a readable image");
    Raster r = img.getRaster();
    long ones = 0;
    int[] row = new int[img.getWidth() * r.getNumBands()];
    for (int y = 0; y < img.getHeight(); y++) {
      r.getPixels(0, y, img.getWidth(), 1, row);
      for (int x = 0; x < img.getWidth(); x++) {
        if (row[x * r.getNumBands()] > 0) ones++;
      }
    }
    return Math.round(1e4 * ones / ((double) img.getWidth() * img.getHeight())) / 1e4;
  }
}
