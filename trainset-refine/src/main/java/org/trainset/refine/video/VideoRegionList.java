package org.trainset.refine.video;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.opencv.core.Mat;
import org.trainset.core.io.InputException;
import org.trainset.core.model.Item;
import org.trainset.core.model.MediaRef;
import org.trainset.refine.deid.Region;

/**
 * Regions people listed for video: CSV with the header
 * {@code item,start_frame,end_frame,x,y,width,height,label} (frames 0-based and inclusive, plain
 * comma-separated cells). The applied-regions file {@code deid video} writes has this layout.
 */
public final class VideoRegionList implements FrameRegions {
  static final String HEADER = "item,start_frame,end_frame,x,y,width,height,label";

  private record Span(long start, long end, Region region) {}

  private final String name;
  private final Map<String, List<Span>> byItem = new HashMap<>();

  public VideoRegionList(Path file) throws IOException {
    this.name = "regions:" + file.getFileName();
    if (!Files.isRegularFile(file)) throw new InputException(file, "regions-missing", "region list not found");
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = r.readLine();
      if (header == null || !header.replace("\uFEFF", "").strip().equals(HEADER)) {
        throw new InputException(file, 1, 1, "regions-header", "the header must be " + HEADER);
      }
      String line;
      long n = 1;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank()) continue;
        String[] c = line.split(",", -1);
        if (c.length != 8) throw new InputException(file, n, 1, "regions-row", "expected 8 cells, found " + c.length);
        try {
          long start = Long.parseLong(c[1].strip());
          long end = Long.parseLong(c[2].strip());
          if (start < 0 || end < start) {
            throw new InputException(file, n, 1, "regions-frames", "start_frame must be ≥ 0 and ≤ end_frame");
          }
          Region region = new Region(Integer.parseInt(c[3].strip()), Integer.parseInt(c[4].strip()),
              Integer.parseInt(c[5].strip()), Integer.parseInt(c[6].strip()), c[7].strip(), name);
          byItem.computeIfAbsent(c[0].strip(), k -> new ArrayList<>()).add(new Span(start, end, region));
        } catch (NumberFormatException e) {
          throw new InputException(file, n, 1, "regions-number", "not a whole number: " + e.getMessage());
        } catch (IllegalArgumentException e) {
          throw new InputException(file, n, 1, "regions-size", e.getMessage());
        }
      }
    }
  }

  @Override public String name() {
    return name;
  }

  @Override public List<Region> detect(Item item, MediaRef video, long frame, Mat image) {
    List<Region> out = new ArrayList<>();
    for (Span s : byItem.getOrDefault(item.id(), List.of())) {
      if (frame >= s.start() && frame <= s.end()) out.add(s.region());
    }
    return out;
  }
}
