package org.trainset.dicom.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.core.io.InputException;
import org.trainset.dicom.io.DicomReader;
import org.trainset.testkit.SharedFixtures;

/** Previews agree with dcmtk's dcm2pnm, pixel for pixel within one grey level. */
class DicomPreviewTest {
  static final Path FILES = SharedFixtures.external("pydicom/src/pydicom/data/test_files");
  @TempDir Path tmp;

  int maxDiff(String name, String... dcm2pnmArgs) throws Exception {
    return maxDiff(FILES.resolve(name), dcm2pnmArgs);
  }

  int maxDiff(Path file, String... dcm2pnmArgs) throws Exception {
    String name = file.getFileName().toString();
    Path ours = tmp.resolve(name + ".png");
    DicomPreview.writePng(new DicomReader().read(file), ours);
    Path theirs = tmp.resolve(name + ".dcmtk.png");
    String[] cmd = new String[dcm2pnmArgs.length + 4];
    cmd[0] = "dcm2pnm";
    cmd[1] = "--write-png";
    System.arraycopy(dcm2pnmArgs, 0, cmd, 2, dcm2pnmArgs.length);
    cmd[cmd.length - 2] = file.toString();
    cmd[cmd.length - 1] = theirs.toString();
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.waitFor(), log);
    BufferedImage a = ImageIO.read(ours.toFile());
    BufferedImage b = ImageIO.read(theirs.toFile());
    assertEquals(b.getWidth(), a.getWidth());
    assertEquals(b.getHeight(), a.getHeight());
    assertEquals(b.getRaster().getNumBands(), a.getRaster().getNumBands());
    int max = 0;
    for (int y = 0; y < a.getHeight(); y++) {
      for (int x = 0; x < a.getWidth(); x++) {
        // raster samples, not getRGB: getRGB would colour-convert grey images
        for (int band = 0; band < a.getRaster().getNumBands(); band++) {
          max = Math.max(max, Math.abs(a.getRaster().getSample(x, y, band) - b.getRaster().getSample(x, y, band)));
        }
      }
    }
    return max;
  }

  @Test void windowFromTheFileMatchesDcmtk() throws Exception {
    var ct = new DicomReader().read(FILES.resolve("CT_small.dcm"));
    ct.dataset().putString(org.trainset.dicom.io.Tags.WINDOW_CENTER, org.trainset.dicom.io.Vr.DS, "40");
    ct.dataset().putString(org.trainset.dicom.io.Tags.WINDOW_WIDTH, org.trainset.dicom.io.Vr.DS, "400");
    org.trainset.dicom.io.DicomWriter.write(ct, tmp.resolve("ct_windowed.dcm"));
    int d = maxDiff(tmp.resolve("ct_windowed.dcm"), "+Wi", "1");
    assertTrue(d <= 1, "max difference " + d);
  }

  @Test void minMaxWindowMatchesDcmtk() throws Exception {
    int d = maxDiff(FILES.resolve("MR_small.dcm"), "+Wi", "1"); // signed, window 600/1600 in the file
    assertTrue(d <= 1, "max difference " + d);
    d = maxDiff(FILES.resolve("CT_small.dcm"), "+Wm"); // no window in the file: min-max
    assertTrue(d <= 1, "max difference " + d);
  }

  @Test void rgbMatchesDcmtk() throws Exception {
    assertEquals(0, maxDiff("SC_rgb_small_odd.dcm"));
  }

  @Test void compressedDataIsRefusedClearly() {
    InputException e = assertThrows(InputException.class,
        () -> DicomPreview.render(new DicomReader().read(FILES.resolve("SC_rgb_rle.dcm"))));
    assertEquals("dicom.preview", e.rule());
  }
}
