package org.trainset.cli.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.cli.Cli;
import org.trainset.testkit.SharedFixtures;

/** DICOMDIRs made by dcmtk, and the bare data set pydicom ships, through {@code deid dicom}. */
class DeidDicomDirCliTest {
  static final Path TEST_FILES = SharedFixtures.external("pydicom/src/pydicom/data/test_files");
  /** Explicit VR little endian images of four patients (what dcmmkdir's General Purpose profile accepts). */
  static final List<String> IMAGES = List.of("CT_small.dcm", "MR_small.dcm", "liver_1frame.dcm", "SC_rgb_small_odd.dcm");

  static String run(Path dir, List<String> cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), cmd + "\n" + out);
    return out;
  }

  @Test void dicomdirOffsetsAndRecordsAreDeidentified(@TempDir Path tmp) throws Exception {
    Path src = tmp.resolve("media");
    Files.createDirectories(src);
    List<String> cmd = new ArrayList<>(List.of("dcmmkdir", "+I", "-Pgp"));
    for (int i = 0; i < IMAGES.size(); i++) {
      String id = "IMG0000" + (i + 1); // DICOM file ids: 8 upper-case characters, no extension
      Files.copy(TEST_FILES.resolve(IMAGES.get(i)), src.resolve(id));
      cmd.add(id);
    }
    run(src, cmd); // dcmtk writes src/DICOMDIR with PATIENT/STUDY/SERIES/IMAGE records
    String names = new String(Files.readAllBytes(src.resolve("DICOMDIR")), StandardCharsets.ISO_8859_1);
    assertTrue(names.contains("CompressedSamples^CT1") && names.contains("Lestrade^G"), "records hold the patients");

    Path out = tmp.resolve("out");
    Cli.Result r = Cli.run("deid", "dicom", src.toString(), "--out", out.toString(), "--key", "k");
    assertEquals(0, r.exitCode(), r.toString());
    assertTrue(r.out().contains("de-identified 5 files"), r.out());
    String dir = new String(Files.readAllBytes(out.resolve("DICOMDIR")), StandardCharsets.ISO_8859_1);
    for (String phi : List.of("CompressedSamples", "Lestrade", "JANCT000", "1CT1", "4MR1")) {
      assertFalse(dir.contains(phi), phi + " left in the DICOMDIR");
    }
    run(out, List.of("dcmdump", "-q", "+E", "DICOMDIR"));
    // pydicom walks the records by their offsets, opens every referenced file and compares UIDs
    String py = run(out, List.of("/usr/bin/python3", "-c", String.join("\n",
        "import warnings, pydicom",
        "from pydicom.fileset import FileSet",
        "warnings.simplefilter('error', UserWarning)  # e.g. a record pointing at a missing file",
        "ds = pydicom.dcmread('DICOMDIR')",
        "fs = FileSet(ds)",
        "n = 0",
        "for inst in fs:",
        "    f = inst.load()",
        "    assert f.SOPInstanceUID == inst.ReferencedSOPInstanceUIDInFile, (f.SOPInstanceUID, inst.ReferencedSOPInstanceUIDInFile)",
        "    assert f.SOPInstanceUID.startswith('2.25.'), f.SOPInstanceUID",
        "    assert f.PatientIdentityRemoved == 'YES'",
        "    n += 1",
        "types = [r.DirectoryRecordType for r in ds.DirectoryRecordSequence]",
        "patients = [r for r in ds.DirectoryRecordSequence if r.DirectoryRecordType == 'PATIENT']",
        "assert all(str(p.get('PatientName', '')) == '' and p.get('PatientID', '') in ('', 'ANONYMIZED') for p in patients)",
        "print(n, types.count('PATIENT'), types.count('IMAGE'))")));
    assertEquals("4 4 4", py.strip().lines().reduce((a, b) -> b).orElse(""), py);

    Cli.Result renamed = Cli.run("deid", "dicom", src.toString(), "--out", tmp.resolve("out2").toString(), "--rename");
    assertEquals(3, renamed.exitCode(), renamed.toString());
    assertTrue(renamed.err().contains("DICOMDIR") && renamed.err().contains("by name"), renamed.err());
  }

  @Test void bareDataSetWithoutMetaIsRead(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("out");
    Cli.Result r = Cli.run("deid", "dicom", TEST_FILES.resolve("no_meta.dcm").toString(), "--out", out.toString(), "--key", "k");
    assertEquals(0, r.exitCode(), r.toString());
    String py = run(out, List.of("/usr/bin/python3", "-c", String.join("\n",
        "import pydicom",
        "ds = pydicom.dcmread('no_meta.dcm')",
        "ct = pydicom.dcmread('" + TEST_FILES.resolve("CT_small.dcm") + "')",
        "assert ds.file_meta.TransferSyntaxUID == '1.2.840.10008.1.2.1'",
        "assert ds.PixelData == ct.PixelData and ds.Rows == ct.Rows",
        "assert str(ds.PatientName) == '' and ds.PatientIdentityRemoved == 'YES'",
        "print('ok')")));
    assertTrue(py.strip().endsWith("ok"), py);
  }

  @Test void parseLimitsAreInputErrors(@TempDir Path tmp) throws Exception {
    Path rtplan = TEST_FILES.resolve("rtplan.dcm");
    Cli.Result big = Cli.run("deid", "dicom", rtplan.toString(), "--out", tmp.resolve("a").toString(), "--max-file-size", "100");
    assertEquals(3, big.exitCode(), big.toString());
    assertTrue(big.err().contains("rtplan.dcm") && big.err().contains("max-file-size"), big.err());
    Cli.Result deep = Cli.run("deid", "dicom", rtplan.toString(), "--out", tmp.resolve("b").toString(), "--max-nesting", "1");
    assertEquals(3, deep.exitCode(), deep.toString());
    assertTrue(deep.err().contains("dicom.depth"), deep.err());
    assertFalse(Files.exists(tmp.resolve("a")) || Files.exists(tmp.resolve("b")));
  }
}
