package org.trainset.dicom.medical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.core.Datasets;
import org.trainset.core.io.InputException;
import org.trainset.core.model.Item;
import org.trainset.core.model.ItemDocument;
import org.trainset.core.sample.SampleOptions;
import org.trainset.core.FormatRegistry;
import org.trainset.core.spi.ReadOptions;

/**
 * Reports beside the images (the seed's collection took each mammogram with its radiology and
 * pathology reports): every view of a patient carries the patient's reports; text inline, PDFs
 * by path; limits and encoding errors name the file.
 */
class MedicalReportsTest {
  @TempDir Path dir;

  private List<Item> read(Path root) throws IOException {
    var format = FormatRegistry.load().require(MedicalFormat.ID);
    return Datasets.readAll(Datasets.plan(format, root, ReadOptions.defaults()), ReadOptions.defaults());
  }

  private Path sample() throws IOException {
    Path root = dir.resolve("medical");
    new MedicalSampleGenerator().generate(root, new SampleOptions(16, 7, false));
    return root;
  }

  private static String firstPatient(Path root) throws IOException {
    return Files.readAllLines(root.resolve("mammography/cases.csv")).get(1).split(",")[0];
  }

  @Test void everyViewCarriesThePatientsReportsAndFundusNone() throws IOException {
    Path root = sample();
    String pid = firstPatient(root);
    // a scanned report beside the text ones: attached by path, not read
    byte[] pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    Files.write(root.resolve("mammography/" + pid + "/reports/referral_scan.pdf"), pdf);
    List<Item> items = read(root);
    List<Item> views = items.stream().filter(i -> i.id().startsWith("mammography/" + pid + "/")).toList();
    assertEquals(4, views.size());
    for (Item v : views) {
      List<ItemDocument> d = v.documents();
      assertEquals(List.of("pathology_report.txt", "radiology_report.txt", "referral_scan.pdf"),
          d.stream().map(ItemDocument::name).toList(), v.id());
      ItemDocument radiology = d.get(1);
      assertEquals("text/plain", radiology.mediaType());
      assertEquals(ItemDocument.REPORT, radiology.role());
      assertEquals("radiology", radiology.info().get("kind"));
      assertNull(radiology.path());
      assertTrue(radiology.text().contains("Impression: BI-RADS category 5\n"), radiology.text());
      assertTrue(radiology.text().contains("영상 판독 보고서"), radiology.text());
      assertTrue(d.get(0).text().startsWith("PATHOLOGY REPORT"), d.get(0).text());
      ItemDocument scan = d.get(2);
      assertEquals("application/pdf", scan.mediaType());
      assertEquals("mammography/" + pid + "/reports/referral_scan.pdf", scan.path());
      assertNull(scan.text());
      assertEquals((long) pdf.length, ((Number) scan.info().get("size")).longValue());
    }
    // the benign patient has a radiology report only; fundus photographs have none
    Item benign = items.stream().filter(i -> "benign".equals(i.attributes().get("class"))).findFirst().orElseThrow();
    assertEquals(List.of("radiology_report.txt"), benign.documents().stream().map(ItemDocument::name).toList());
    assertTrue(items.stream().filter(i -> "fundus".equals(i.attributes().get("modality"))).allMatch(i -> i.documents().isEmpty()));
  }

  @Test void aReportOverTheInlineLimitIsAnErrorNamingTheFile() throws IOException {
    Path root = sample();
    String pid = firstPatient(root);
    Path big = root.resolve("mammography/" + pid + "/reports/radiology_report.txt");
    Files.write(big, new byte[ItemDocument.MAX_INLINE_BYTES + 1]);
    InputException e = assertThrows(InputException.class, () -> read(root));
    assertTrue(e.getMessage().contains(big.getFileName().toString()), e.getMessage());
    assertTrue(e.getMessage().contains("document.too-large"), e.getMessage());
    assertTrue(e.getMessage().contains(String.valueOf(ItemDocument.MAX_INLINE_BYTES)), e.getMessage());
  }

  @Test void aReportThatIsNotUtf8IsAnErrorNamingTheFile() throws IOException {
    Path root = sample();
    String pid = firstPatient(root);
    Path euckr = root.resolve("mammography/" + pid + "/reports/radiology_report.txt");
    Files.write(euckr, "판독 소견".getBytes(java.nio.charset.Charset.forName("EUC-KR")));
    InputException e = assertThrows(InputException.class, () -> read(root));
    assertTrue(e.getMessage().contains("radiology_report.txt") && e.getMessage().contains("document.encoding"), e.getMessage());
  }

  @Test void theFamilyWriterPutsTheReportsBackBesideTheImages() throws IOException {
    Path root = sample();
    String pid = firstPatient(root);
    Files.write(root.resolve("mammography/" + pid + "/reports/referral_scan.pdf"), new byte[] {'%', 'P', 'D', 'F', 1, 2, 3});
    var format = FormatRegistry.load().require(MedicalFormat.ID);
    Path out = dir.resolve("out");
    var r = org.trainset.core.convert.Conversion.run(format, root, format, out, ReadOptions.defaults(),
        new org.trainset.core.convert.Conversion.Options(false, true, false), org.trainset.core.progress.Progress.NONE);
    assertTrue(r.loss().isLossless(), r.loss().describe());
    assertEquals(read(root).stream().map(Item::documents).toList(), read(out).stream().map(Item::documents).toList());
    assertEquals(Files.readString(root.resolve("mammography/" + pid + "/reports/radiology_report.txt")),
        Files.readString(out.resolve("mammography/" + pid + "/reports/radiology_report.txt")));
  }
}
