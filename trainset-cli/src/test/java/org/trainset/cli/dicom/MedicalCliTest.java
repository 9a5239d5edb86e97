package org.trainset.cli.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.cli.Cli;

class MedicalCliTest {
  @TempDir Path tmp;

  @Test void sampleValidatesCleanAndDefectsAreListedWithExit1() {
    Path ok = tmp.resolve("ok");
    assertEquals(0, Cli.run("sample", "aihub.medical", "--out", ok.toString(), "--items", "20").exitCode());
    Cli.Result v = Cli.run("validate", ok.toString());
    assertEquals(0, v.exitCode(), v.toString());
    assertTrue(v.out().contains("20 items, 0 problems (aihub.medical)"), v.out());
    Path bad = tmp.resolve("bad");
    assertEquals(0, Cli.run("sample", "aihub.medical", "--out", bad.toString(), "--defects").exitCode());
    Cli.Result f = Cli.run("validate", bad.toString());
    assertEquals(1, f.exitCode(), f.toString());
    for (String rule : new String[] {"medical.missing-view", "medical.unlisted-image", "medical.missing-image", "medical.bad-name"}) {
      assertTrue(f.out().contains(rule), rule + "\n" + f.out());
    }
  }

  @Test void seedProfileOnTheSample() throws Exception {
    Path s = tmp.resolve("s");
    assertEquals(0, Cli.run("sample", "aihub.medical", "--out", s.toString(), "--items", "24").exitCode());
    Path ids = tmp.resolve("ids.csv");
    StringBuilder csv = new StringBuilder("patient_id,class\n");
    for (String line : java.nio.file.Files.readAllLines(s.resolve("mammography/cases.csv")).subList(1, 4)) {
      String[] f = line.split(",");
      csv.append(f[0]).append(',').append(f[1]).append('\n');
    }
    java.nio.file.Files.writeString(ids, csv);
    Path out = tmp.resolve("deid");
    Cli.Result r = Cli.run("deid", "dicom", s.resolve("mammography").toString(), "--out", out.toString(),
        "--profile", "seed", "--ids", ids.toString(), "--key", "k", "--rename", "--json");
    assertEquals(0, r.exitCode(), r.toString());
    assertTrue(r.out().contains("\"files\":12"), r.out());
  }
}
