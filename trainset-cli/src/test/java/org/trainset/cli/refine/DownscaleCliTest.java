package org.trainset.cli.refine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.cli.Cli;
import org.trainset.core.Datasets;
import org.trainset.core.FormatRegistry;
import org.trainset.core.model.Item;
import org.trainset.core.model.Points;
import org.trainset.core.spi.ReadOptions;

/**
 * Issue 16 item 14: lower-resolution derived copies as a refine step — faces (images and their
 * landmarks scaled together) and CCTV clips (checked with ffprobe: smaller frames, same frame
 * count and rate).
 */
class DownscaleCliTest {
  @TempDir Path dir;

  @Test
  void facesAreScaledWithTheirLandmarks() throws IOException {
    Path in = dir.resolve("faces");
    assertEquals(0, Cli.run("sample", "aihub.face", "--out", in.toString(), "--items", "36").exitCode());
    Path out = dir.resolve("small");
    Cli.Result r = Cli.run("downscale", in.toString(), "--out", out.toString(), "--max-side", "96", "--json");
    assertEquals(0, r.exitCode(), r.toString());
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertEquals(36, json.get("items").asInt());
    assertEquals(24, json.get("scaled").asInt(), "the High (192 px) and Middle (128 px) shots; Low (64) is copied: " + r.out());
    Map<String, Item> before = read(in);
    Map<String, Item> after = read(out);
    assertEquals(before.keySet(), after.keySet());
    Item big = before.get("High_Resolution/19062401/S001/L1/E01/C1");
    Item small = after.get(big.id());
    assertEquals(96, small.primaryMedia().width());
    Points p0 = (Points) big.annotations().stream().filter(a -> a instanceof Points).findFirst().orElseThrow();
    Points p1 = (Points) small.annotations().stream().filter(a -> a instanceof Points).findFirst().orElseThrow();
    for (int i = 0; i < p0.count(); i++) assertEquals(p0.x(i) * 0.5, p1.x(i), 0.01, "landmark " + i);
  }

  @Test
  void cctvClipsKeepTheirFramesAndRate() throws Exception {
    Path in = dir.resolve("cctv");
    assertEquals(0, Cli.run("sample", "aihub.cctv", "--out", in.toString(), "--items", "1").exitCode());
    Path out = dir.resolve("fhd");
    Cli.Result r = Cli.run("downscale", in.toString(), "--out", out.toString(), "--max-side", "80");
    assertEquals(0, r.exitCode(), r.toString());
    String clip = "01.폭행(assault)/assault_0001.mp4";
    assertEquals("160,96,10/1,30", probe(in.resolve(clip)));
    assertEquals("80,48,10/1,30", probe(out.resolve(clip)));
    assertTrue(java.nio.file.Files.isRegularFile(out.resolve(clip.replace(".mp4", ".xml"))));
  }

  private static String probe(Path clip) throws Exception {
    Process p = new ProcessBuilder("ffprobe", "-v", "error", "-select_streams", "v:0", "-count_frames", "-show_entries",
        "stream=width,height,r_frame_rate,nb_read_frames", "-of", "csv=p=0", clip.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes()).strip();
    assertEquals(0, p.waitFor(), out);
    return out;
  }

  private static Map<String, Item> read(Path root) throws IOException {
    FormatRegistry registry = FormatRegistry.load();
    List<Item> items = Datasets.readAll(Datasets.plan(registry.require("aihub.face"), root, ReadOptions.defaults()),
        ReadOptions.defaults());
    Map<String, Item> out = new TreeMap<>();
    for (Item i : items) out.put(i.id(), i);
    return out;
  }
}
