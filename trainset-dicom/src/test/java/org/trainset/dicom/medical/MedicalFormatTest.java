package org.trainset.dicom.medical;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.trainset.core.Datasets;
import org.trainset.core.media.MediaProbe;
import org.trainset.core.model.Item;
import org.trainset.core.model.MediaKind;
import org.trainset.core.sample.SampleOptions;
import org.trainset.core.issue.Issue;
import org.trainset.core.spi.ReadOptions;
import org.trainset.dicom.io.DicomObject;
import org.trainset.dicom.io.DicomReader;
import org.trainset.dicom.io.Tags;
import org.trainset.testkit.FormatContract;

class MedicalFormatTest extends FormatContract {
  private Path sample;

  @Override protected String formatId() { return "aihub.medical"; }

  @Override protected Path sample() throws IOException {
    if (sample == null) {
      sample = tempDir.resolve("sample");
      new MedicalSampleGenerator().generate(sample, new SampleOptions(20, 7, false));
    }
    return sample;
  }

  // 2 patients x 4 views + 12 fundus images; one tag each + 2 lesion polygons (the malignant patient's R views)
  @Override protected long expectedItems() { return 20; }
  @Override protected long expectedAnnotations() { return 22; }
  @Override protected Map<String, Long> expectedByType() { return Map.of("tag", 20L, "polygon", 2L); }

  @Test void viewsComeFromTheDicomTagsAndPhiIsSynthetic() throws Exception {
    List<Item> items = readAll(sample());
    List<Item> mammo = items.stream().filter(i -> "mammography".equals(i.attributes().get("modality"))).toList();
    assertEquals(8, mammo.size());
    for (Item i : mammo) {
      assertEquals(MediaKind.DICOM, i.primaryMedia().kind());
      assertEquals(64, i.primaryMedia().width());
      DicomObject h = new DicomReader().read(sample().resolve(i.primaryMedia().path())).dataset();
      assertEquals(i.attributes().get("view"), h.string(0x00200062).orElseThrow() + h.string(0x00185101).orElseThrow());
      assertTrue(h.string(Tags.PATIENT_NAME).orElseThrow().matches("\\p{IsHangul}+\\^MG\\d{5}"), h.string(Tags.PATIENT_NAME).get());
    }
    assertEquals("malignant", mammo.get(0).attributes().get("class"));
    assertTrue(((String) mammo.get(0).attributes().get("pathology")).startsWith("Invasive ductal carcinoma"));
    List<String> cmd = new ArrayList<>(List.of("dcmdump", "-q", "+E"));
    mammo.forEach(i -> cmd.add(sample.resolve(i.primaryMedia().path()).toString()));
    Process dump = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String dumped = new String(dump.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(0, dump.waitFor(), dumped);
    assertTrue(dumped.contains("MammographyImageStorage") || dumped.contains("DigitalMammographyXRayImageStorageForPresentation"), dumped.substring(0, 300));
    var probed = MediaProbe.probeAll(sample().resolve(mammo.get(0).primaryMedia().path()), "x.dcm").orElseThrow();
    assertEquals(MediaKind.DICOM, probed.kind());
    assertEquals(96, probed.height());
  }

  @Test void sameSeedSameBytes() throws IOException {
    Path a = tempDir.resolve("a");
    Path b = tempDir.resolve("b");
    new MedicalSampleGenerator().generate(a, new SampleOptions(20, 3, false));
    new MedicalSampleGenerator().generate(b, new SampleOptions(20, 3, false));
    List<Path> fa = files(a);
    assertEquals(fa.size(), files(b).size());
    for (Path f : fa) assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(b.resolve(a.relativize(f))), f.toString());
  }

  @Test void plantedDefectsAreFound() throws IOException {
    Path d = tempDir.resolve("defects");
    var summary = new MedicalSampleGenerator().generate(d, new SampleOptions(20, 5, true));
    List<Issue> problems = new ArrayList<>();
    ReadOptions opts = ReadOptions.defaults().withProblems(problems::add);
    Datasets.readAll(Datasets.plan(format(), d, opts), opts);
    List<String> rules = problems.stream().map(Issue::rule).sorted().toList();
    List<String> planted = summary.defects().stream().map(x -> x.kind()).sorted().toList();
    assertEquals(planted, rules, problems.toString());
  }

  @Test void duplicateViewsAndNamesThatContradictTheTags() throws IOException {
    Path d = tempDir.resolve("dup");
    new MedicalSampleGenerator().generate(d, new SampleOptions(8, 9, false));
    String pid = Files.readAllLines(d.resolve("mammography/cases.csv")).get(1).split(",")[0];
    Path dir = d.resolve("mammography/" + pid);
    Files.copy(dir.resolve(pid + "_RCC.dcm"), dir.resolve(pid + "_RCC_copy.dcm"));
    Files.move(dir.resolve(pid + "_LCC.dcm"), dir.resolve("tmp.dcm"));
    Files.move(dir.resolve(pid + "_LMLO.dcm"), dir.resolve(pid + "_LCC.dcm"));
    Files.move(dir.resolve("tmp.dcm"), dir.resolve(pid + "_LMLO.dcm"));
    List<Issue> problems = new ArrayList<>();
    ReadOptions opts = ReadOptions.defaults().withProblems(problems::add);
    Datasets.readAll(Datasets.plan(format(), d, opts), opts);
    List<String> rules = problems.stream().map(Issue::rule).sorted().toList();
    assertEquals(List.of("medical.bad-name", "medical.bad-name", "medical.bad-name", "medical.duplicate-view"), rules,
        problems.toString());
    // by default (as in convert), a finding is an input error
    var e = org.junit.jupiter.api.Assertions.assertThrows(org.trainset.core.io.InputException.class,
        () -> Datasets.readAll(Datasets.plan(format(), d, ReadOptions.defaults()), ReadOptions.defaults()));
    assertTrue(e.getMessage().contains("medical."), e.getMessage());
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }
}
