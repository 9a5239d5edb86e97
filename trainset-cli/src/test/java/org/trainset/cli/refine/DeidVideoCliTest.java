package org.trainset.cli.refine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.cli.Cli;

/**
 * Issue 16 item 13: {@code deid video} on real H.264 clips (the CCTV sample, and a clip made with
 * ffmpeg from opencv-doc's photo with a face), checked with Debian's ffprobe and ffmpeg, which
 * trainset does not control: same frame count, frame rate and duration; the listed region is
 * changed on the listed frames only; clips without regions are copied byte for byte.
 */
class DeidVideoCliTest {
  static final String CLIP = "01.폭행(assault)/assault_0001";
  static final int X = 20, Y = 10, W = 80, H = 60, FIRST = 5, LAST = 20;
  @TempDir Path dir;

  @Test
  void regionListBlursTheListedFramesAndKeepsTiming() throws Exception {
    Path in = dir.resolve("cctv");
    assertEquals(0, Cli.run("sample", "aihub.cctv", "--out", in.toString(), "--items", "2").exitCode());
    Path list = dir.resolve("regions.csv");
    Files.writeString(list, "item,start_frame,end_frame,x,y,width,height,label\n"
        + CLIP + "," + FIRST + "," + LAST + "," + X + "," + Y + "," + W + "," + H + ",license_plate\n");
    Path out = dir.resolve("out");
    Cli.Result r = Cli.run("deid", "video", in.toString(), "--out", out.toString(), "--regions", list.toString(), "--json");
    assertEquals(0, r.exitCode(), r.toString());
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertEquals(2, json.get("videos").asInt());
    assertEquals(LAST - FIRST + 1, json.get("framesChanged").asInt(), r.out());
    assertEquals("aihub.cctv", json.get("format").asText(), "the input's own layout is kept");
    Path source = in.resolve(CLIP + ".mp4");
    Path result = out.resolve(CLIP + ".mp4");
    assertEquals(probe(source), probe(result), "frames, rate and duration as ffprobe counts them");
    assertTrue(Files.isRegularFile(out.resolve(CLIP + ".xml")), "annotations written with the clip");
    Path other = out.resolve("02.싸움(fight)/fight_0002.mp4");
    assertArrayEquals(Files.readAllBytes(in.resolve("02.싸움(fight)/fight_0002.mp4")), Files.readAllBytes(other));

    List<byte[]> before = frames(source, 160, 96);
    List<byte[]> after = frames(result, 160, 96);
    assertEquals(30, after.size());
    // re-encoding alone moves pixels a little everywhere (lossy H.264 both times); the blur moves the
    // region's pixels on the listed frames far more than that, and nothing else
    double changedInside = Double.MAX_VALUE;
    double reencoding = 0;
    for (int f = 0; f < after.size(); f++) {
      double inside = meanAbsDiff(before.get(f), after.get(f), true);
      reencoding = Math.max(reencoding, meanAbsDiff(before.get(f), after.get(f), false));
      if (f < FIRST || f > LAST) reencoding = Math.max(reencoding, inside);
      else changedInside = Math.min(changedInside, inside);
    }
    assertTrue(reencoding < 3.0, "re-encoding changed pixels by " + reencoding);
    assertTrue(changedInside > 3 * reencoding, "blurred frames differ by " + changedInside + ", re-encoding by " + reencoding);
    String applied = Files.readString(dir.resolve("out").resolve("deid-video-regions.csv"));
    assertTrue(applied.contains(CLIP + "," + FIRST + "," + LAST + "," + X + "," + Y), applied);
  }

  @Test
  void haarCascadeRunsOnEveryFrame() throws Exception {
    Path photo = Path.of("/usr/share/doc/opencv-doc/examples/data/messi5.jpg");
    assertTrue(Files.isRegularFile(photo), "opencv-doc (scripts/install-test-deps) provides a photo with a face");
    Path in = Files.createDirectories(dir.resolve("clips"));
    run("ffmpeg", "-v", "error", "-loop", "1", "-i", photo.toString(), "-t", "1.5", "-r", "10", "-c:v", "libx264",
        "-pix_fmt", "yuv420p", "-vf", "scale=trunc(iw/2)*2:trunc(ih/2)*2", in.resolve("messi.mp4").toString());
    Path out = dir.resolve("blurred");
    Cli.Result r = Cli.run("deid", "video", in.toString(), "--out", out.toString(), "--haar", "face", "--json");
    assertEquals(0, r.exitCode(), r.toString());
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertEquals(15, json.get("frames").asInt());
    assertEquals(15, json.get("framesChanged").asInt(), "a face found on every frame: " + r.out());
    Path result = Files.walk(out).filter(p -> p.toString().endsWith(".mp4")).findFirst().orElseThrow();
    assertEquals(probe(in.resolve("messi.mp4")), probe(result));
  }

  @Test
  void badInvocationsAreUsageOrInputErrors() throws IOException {
    Path in = dir.resolve("cctv");
    assertEquals(0, Cli.run("sample", "aihub.cctv", "--out", in.toString(), "--items", "1").exitCode());
    Cli.Result none = Cli.run("deid", "video", in.toString(), "--out", dir.resolve("o1").toString());
    assertEquals(2, none.exitCode(), none.toString());
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "item,frame,x\nclip,1,2\n");
    Cli.Result header = Cli.run("deid", "video", in.toString(), "--out", dir.resolve("o2").toString(), "--regions", bad.toString());
    assertEquals(3, header.exitCode(), header.toString());
    assertTrue(header.err().contains("bad.csv") && header.err().contains("item,start_frame"), header.err());
    assertTrue(!Files.exists(dir.resolve("o2")));
  }

  /** nb_read_frames, r_frame_rate and duration of the first video stream, as ffprobe reports them. */
  static String probe(Path clip) throws Exception {
    return run("ffprobe", "-v", "error", "-select_streams", "v:0", "-count_frames", "-show_entries",
        "stream=nb_read_frames,r_frame_rate,duration,codec_name", "-of", "csv=p=0", clip.toString()).strip();
  }

  /** The clip's frames as 8-bit grey, decoded by ffmpeg. */
  static List<byte[]> frames(Path clip, int w, int h) throws Exception {
    Process p = new ProcessBuilder("ffmpeg", "-v", "error", "-i", clip.toString(), "-f", "rawvideo", "-pix_fmt", "gray", "-")
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    byte[] all = p.getInputStream().readAllBytes();
    assertEquals(0, p.waitFor());
    List<byte[]> out = new ArrayList<>();
    for (int off = 0; off + w * h <= all.length; off += w * h) {
      byte[] f = new byte[w * h];
      System.arraycopy(all, off, f, 0, f.length);
      out.add(f);
    }
    return out;
  }

  private static double meanAbsDiff(byte[] a, byte[] b, boolean inside) {
    long sum = 0, n = 0;
    for (int y = 0; y < 96; y++) {
      for (int x = 0; x < 160; x++) {
        boolean in = x >= X && x < X + W && y >= Y && y < Y + H;
        // a margin of 2 px around the region's edge: the H.264 blocks straddling it change a little
        boolean edge = x >= X - 4 && x < X + W + 4 && y >= Y - 4 && y < Y + H + 4 && !(x >= X + 4 && x < X + W - 4 && y >= Y + 4 && y < Y + H - 4);
        if (edge || in != inside) continue;
        sum += Math.abs((a[y * 160 + x] & 0xFF) - (b[y * 160 + x] & 0xFF));
        n++;
      }
    }
    return n == 0 ? 0 : sum / (double) n;
  }

  private static String run(String... args) throws Exception {
    Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.waitFor(), String.join(" ", args) + "\n" + out);
    return out;
  }
}
