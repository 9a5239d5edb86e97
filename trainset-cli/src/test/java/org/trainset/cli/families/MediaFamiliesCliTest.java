package org.trainset.cli.families;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.cli.Cli;

/** `trainset sample` for aihub.ocr / aihub.cctv / aihub.face, their exports, and malformed input. */
class MediaFamiliesCliTest {
  @TempDir Path dir;

  private static JsonNode stats(Path p) throws IOException {
    Cli.Result r = Cli.run("stats", p.toString(), "--json");
    assertEquals(0, r.exitCode(), r.toString());
    return new ObjectMapper().readTree(r.out());
  }

  @Test
  void eachSampleIsDetectedAndReimportedWithTheReportedCounts() throws IOException {
    for (String id : List.of("aihub.ocr", "aihub.cctv", "aihub.face")) {
      Path out = dir.resolve(id);
      JsonNode s = FamilyCli.sample(id, out, "--items", "6", "--seed", "3");
      Cli.Result detect = Cli.run("detect", out.toString());
      assertTrue(detect.firstLine().contains(id), id + ": " + detect);
      String st = stats(out).toString();
      assertTrue(st.contains("\"items\":" + s.get("items").asLong()), id + " items in " + st);
      assertTrue(st.contains("\"annotations\":" + s.get("annotations").asLong()), id + " annotations in " + st);
    }
  }

  @Test
  void sameSeedGivesByteIdenticalSamples() throws IOException {
    for (String id : List.of("aihub.ocr", "aihub.face")) {
      Path a = dir.resolve(id + "-a");
      Path b = dir.resolve(id + "-b");
      FamilyCli.sample(id, a, "--items", "5", "--seed", "11", "--defects");
      FamilyCli.sample(id, b, "--items", "5", "--seed", "11", "--defects");
      try (Stream<Path> s = Files.walk(a)) {
        for (Path f : s.filter(Files::isRegularFile).toList()) {
          assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(b.resolve(a.relativize(f).toString())), f.toString());
        }
      }
    }
  }

  @Test
  void ocrExportsThroughConvert() throws IOException {
    Path src = dir.resolve("ocr");
    FamilyCli.sample("aihub.ocr", src, "--items", "4");
    Cli.Result rec = Cli.run("convert", src.toString(), "--to", "aihub.ocr.recognition", "--out", dir.resolve("rec").toString(), "--json");
    assertEquals(0, rec.exitCode(), rec.toString());
    assertTrue(Files.readAllLines(dir.resolve("rec/gt.txt")).size() > 3);
    Cli.Result det = Cli.run("convert", src.toString(), "--to", "aihub.ocr.detection", "--out", dir.resolve("det").toString());
    assertEquals(0, det.exitCode(), det.toString());
    assertTrue(Files.isRegularFile(dir.resolve("det/gt/gt_00000001.txt")));
  }

  @Test
  void cctvDefectsShowUpInValidate() throws IOException {
    Path src = dir.resolve("cctv");
    JsonNode s = FamilyCli.sample("aihub.cctv", src, "--items", "4", "--defects");
    assertEquals(2, s.get("defects").size());
    Cli.Result v = Cli.run("validate", src.toString(), "--json");
    assertEquals(1, v.exitCode(), v.toString());
    assertTrue(v.out().contains("cctv-fps-mismatch"), v.out());
    assertTrue(v.out().contains("cctv-event-beyond-clip"), v.out());
    Cli.Result anet = Cli.run("convert", dir.resolve("cctv-clean").toString(), "--to", "aihub.cctv.activitynet",
        "--out", dir.resolve("anet").toString());
    assertEquals(3, anet.exitCode(), "missing input is an input error: " + anet);
  }

  @Test
  void malformedOcrJsonIsExit3WithFileLineColumnAndNoOutput() throws IOException {
    Path src = dir.resolve("ocr");
    FamilyCli.sample("aihub.ocr", src, "--items", "2");
    Path info = src.resolve("textinthewild_data_info.json");
    String json = Files.readString(info);
    Files.writeString(info, json.substring(0, json.indexOf("\"annotations\"")) + "\"annotations\":[{\"id\":1,,}]}");
    Path out = dir.resolve("out");
    Cli.Result r = FamilyCli.convertRefused(src, "aihub.ocr.recognition", out);
    assertTrue(r.err().contains("textinthewild_data_info.json:1:"), r.err());
  }

  @Test
  void malformedCctvXmlIsExit3WithFileLineAndNoOutput() throws IOException {
    Path src = dir.resolve("cctv");
    FamilyCli.sample("aihub.cctv", src, "--items", "1");
    Path xml = src.resolve("01.폭행(assault)/assault_0001.xml");
    Files.writeString(xml, Files.readString(xml).replace("</header>", "</heder>"));
    Path out = dir.resolve("out");
    Cli.Result r = FamilyCli.convertRefused(src, "aihub.cctv.activitynet", out);
    assertTrue(r.err().contains("assault_0001.xml:"), r.err());
  }

  @Test
  void truncatedMp4IsExit3NamingTheBox() throws IOException {
    Path src = dir.resolve("cctv");
    FamilyCli.sample("aihub.cctv", src, "--items", "1");
    Path mp4 = src.resolve("01.폭행(assault)/assault_0001.mp4");
    byte[] bytes = Files.readAllBytes(mp4);
    Files.write(mp4, java.util.Arrays.copyOf(bytes, bytes.length - 200));
    Path out = dir.resolve("out");
    Cli.Result r = FamilyCli.convertRefused(src, "aihub.cctv.activitynet", out);
    assertTrue(r.err().contains("assault_0001.mp4") && r.err().contains("mp4-box"), r.err());
  }

  @Test
  void malformedFaceLabelIsExit3WithFileAndLine() throws IOException {
    Path src = dir.resolve("face");
    FamilyCli.sample("aihub.face", src, "--items", "3");
    Path txt = src.resolve("High_Resolution/19062401/S001/L1/E01/C1.txt");
    Files.writeString(txt, "57 109\n41\n");
    Path out = dir.resolve("out");
    Cli.Result r = FamilyCli.convertRefused(src, "trainset", out);
    assertTrue(r.err().contains("C1.txt:2:1"), r.err());
  }
}
