package org.trainset.dicom.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dcmtk (an independent implementation) must accept every file trainset writes. */
class DcmtkInteropTest {
  record Run(int code, String out) {}

  static Run run(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Run(p.waitFor(), out);
  }

  @Test void dcmdumpParsesEveryWrittenFileAndCodecsStillDecode(@TempDir Path tmp) throws Exception {
    List<String> decoded = new ArrayList<>();
    int dumped = 0;
    for (Path f : DicomReaderWriterTest.fixtures()) {
      String name = f.getFileName().toString();
      if (DicomReaderWriterTest.BROKEN.containsKey(name)) continue;
      DicomFile a = new DicomReader().read(f);
      Path out = tmp.resolve(name);
      DicomWriter.write(a, out);
      Run dump = run("dcmdump", "-q", "+E", out.toString());
      assertEquals(0, dump.code(), name + ": " + dump.out());
      assertTrue(!dump.out().contains("E: "), name + ": " + dump.out());
      dumped++;
      String ts = a.transferSyntax().uid();
      String tool = ts.equals("1.2.840.10008.1.2.5") ? "dcmdrle"
          : ts.matches("1\\.2\\.840\\.10008\\.1\\.2\\.4\\.(50|51|57|70)") ? "dcmdjpeg" : null;
      if (tool == null || !a.dataset().contains(Tags.PIXEL_DATA)) continue;
      Path raw = tmp.resolve(name + ".raw.dcm");
      Run dec = run(tool, out.toString(), raw.toString());
      assertEquals(0, dec.code(), tool + " " + name + ": " + dec.out());
      DicomFile back = new DicomReader().read(raw);
      assertTrue(back.dataset().contains(Tags.PIXEL_DATA), tool + " " + name + ": " + run("dcmdump", raw.toString()).out());
      int rows = back.dataset().intValue(Tags.ROWS, 0);
      int cols = back.dataset().intValue(Tags.COLUMNS, 0);
      assertTrue(back.dataset().get(Tags.PIXEL_DATA).orElseThrow().length() >= (long) rows * cols, name);
      decoded.add(name);
    }
    assertTrue(dumped >= 40);
    assertTrue(decoded.containsAll(List.of("MR_small_RLE.dcm", "SC_rgb_rle_2frame.dcm", "SC_rgb_jpeg_dcmtk.dcm",
        "JPEG-lossy.dcm", "JPGExtended.dcm")), decoded.toString());
  }

  @Test void everyTransferSyntaxWritesAndReadsBack(@TempDir Path tmp) throws Exception {
    DicomFile mr = new DicomReader().read(DicomReaderWriterTest.TEST_FILES.resolve("MR_small.dcm"));
    String expected = Canonical.of(mr.dataset(), false);
    for (TransferSyntax ts : List.of(TransferSyntax.IMPLICIT_LE, TransferSyntax.EXPLICIT_LE,
        TransferSyntax.EXPLICIT_BE, TransferSyntax.DEFLATED_LE)) {
      Path out = tmp.resolve(ts.uid() + ".dcm");
      DicomWriter.write(mr, ts, out);
      DicomFile back = new DicomReader().read(out);
      assertEquals(ts, back.transferSyntax());
      assertEquals(expected, Canonical.of(back.dataset(), false), ts.uid());
      Run dump = run("dcmdump", "-q", out.toString());
      assertEquals(0, dump.code(), dump.out());
      assertTrue(dump.out().contains("(0028,0010) US 64"), dump.out());
    }
  }
}
