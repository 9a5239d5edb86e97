package org.trainset.dicom.io;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.core.io.InputException;

/** Damaged files either still parse or fail with an InputException: never another exception. */
class DicomCorruptionTest {
  static final List<String> FILES = List.of("MR_small.dcm", "rtplan.dcm", "image_dfl.dcm", "SC_rgb_rle.dcm",
      "UN_sequence.dcm", "ExplVR_BigEndNoMeta.dcm", "nested_priv_SQ.dcm", "reportsi.dcm");

  @Test void truncatedAndCorruptedFilesFailTyped(@TempDir Path tmp) throws Exception {
    Random rnd = new Random(42);
    int typed = 0;
    for (String name : FILES) {
      byte[] good = Files.readAllBytes(DicomReaderWriterTest.TEST_FILES.resolve(name));
      for (int k = 0; k < 40; k++) {
        byte[] bad;
        if (k < 20) {
          bad = java.util.Arrays.copyOf(good, rnd.nextInt(good.length));
        } else {
          bad = good.clone();
          for (int j = 0; j < 4; j++) bad[rnd.nextInt(bad.length)] = (byte) rnd.nextInt(256);
        }
        Path f = tmp.resolve(name + "." + k);
        Files.write(f, bad);
        try {
          new DicomReader().read(f);
          new DicomReader(new DicomReader.Options(false, 256)).read(f); // values left in the file, too
        } catch (InputException expected) {
          typed++;
        } catch (Exception | OutOfMemoryError other) {
          fail(name + " variant " + k + ": " + other, other);
        }
      }
    }
    if (typed < 100) fail("only " + typed + " damaged variants were rejected");
  }
}
