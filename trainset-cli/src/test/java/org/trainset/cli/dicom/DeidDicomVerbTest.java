package org.trainset.cli.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.cli.Cli;
import org.trainset.dicom.io.DicomElement;
import org.trainset.dicom.io.DicomFile;
import org.trainset.dicom.io.DicomObject;
import org.trainset.dicom.io.DicomReader;
import org.trainset.dicom.io.DicomWriter;
import org.trainset.dicom.io.Tags;
import org.trainset.dicom.io.TransferSyntax;
import org.trainset.dicom.io.Vr;
import org.trainset.testkit.SharedFixtures;

/** The PHI test: distinctive values planted everywhere in the pydicom fixtures must all be gone. */
class DeidDicomVerbTest {
  static final Set<String> BROKEN = Set.of("MR_truncated.dcm", "rtplan_truncated.dcm", "meta_missing_tsyntax.dcm");
  static final List<String> PHI = List.of("PHINAME", "PHIID7731", "18810913", "PHIDESC", "PHICOMMENT", "PHINEST",
      "PHISEQID", "PHIPRIV", "PHICREATOR", "PHIINST", "PHIACC9988", "PHIREF", "PHIREQ5521", "PHIADDR");
  @TempDir static Path tmp;
  static Path in;
  static Set<String> originalUids = new TreeSet<>();

  @BeforeAll static void plantPhi() throws Exception {
    in = tmp.resolve("in");
    Path root = SharedFixtures.external("pydicom/src/pydicom/data");
    List<Path> files;
    try (Stream<Path> s = Stream.concat(Files.walk(root.resolve("test_files")), Files.walk(root.resolve("charset_files")))) {
      files = s.filter(p -> p.toString().endsWith(".dcm") && !BROKEN.contains(p.getFileName().toString())).sorted().toList();
    }
    for (Path f : files) {
      DicomFile d = new DicomReader().read(f);
      DicomObject ds = d.dataset();
      collectUids(ds);
      ds.putString(Tags.PATIENT_NAME, Vr.PN, "PHINAME^Hong");
      ds.putString(Tags.PATIENT_ID, Vr.LO, "PHIID7731");
      ds.putString(Tags.PATIENT_BIRTH_DATE, Vr.DA, "18810913");
      ds.putString(0x00081030, Vr.LO, "PHIDESC study of Hong");
      ds.putString(0x00204000, Vr.LT, "PHICOMMENT seen by Dr Kim");
      ds.putString(0x00080080, Vr.LO, "PHIINST Seoul");
      ds.putString(0x00080050, Vr.SH, "PHIACC9988");
      ds.putString(0x00080090, Vr.PN, "PHIREF^Lee");
      ds.putString(0x00101040, Vr.LO, "PHIADDR 12 Jongno");
      DicomObject nested = new DicomObject();
      nested.putString(Tags.PATIENT_NAME, Vr.PN, "PHINEST^Park");
      nested.putString(0x00081030, Vr.LO, "PHIDESC nested");
      DicomObject other = new DicomObject();
      other.putString(Tags.PATIENT_ID, Vr.LO, "PHISEQID");
      ds.putSequence(0x00101002, List.of(other)); // Other Patient IDs Sequence
      DicomObject req = new DicomObject();
      req.putString(0x00401001, Vr.SH, "PHIREQ5521");
      req.putSequence(0x00081110, List.of(nested)); // a sequence inside a sequence
      ds.putSequence(0x00400275, List.of(req)); // Request Attributes Sequence
      ds.putString(0x00090010, Vr.LO, "PHICREATOR");
      ds.putString(0x00091001, Vr.LO, "PHIPRIV value");
      DicomObject priv = new DicomObject();
      priv.putString(Tags.PATIENT_NAME, Vr.PN, "PHIPRIV^Nested");
      ds.putSequence(0x00091002, List.of(priv));
      String rel = root.relativize(f).toString();
      Path target = in.resolve(rel);
      Files.createDirectories(target.getParent());
      DicomWriter.write(d, target);
    }
  }

  static void collectUids(DicomObject o) {
    for (DicomElement e : o.elements()) {
      if (e.isSequence()) e.items().forEach(DeidDicomVerbTest::collectUids);
      else if (e.vr() == Vr.UI && org.trainset.dicom.deid.RuleTable.standard().find(e.tag())
          .filter(r -> r.basic().contains("U")).isPresent()) { // instance UIDs, not class or coding scheme UIDs
        for (String u : o.strings(e.tag())) if (u.length() >= 20 && !u.startsWith("1.2.840.10008.")) originalUids.add(u);
      }
    }
  }

  @Test void basicProfileRemovesEveryPlantedValue() throws Exception {
    Path out = tmp.resolve("out-basic");
    Cli.Result r = Cli.run("deid", "dicom", in.toString(), "--out", out.toString(), "--key", "k1", "--json");
    assertEquals(0, r.exitCode(), r.toString());
    assertTrue(r.out().contains("\"files\":"), r.out());
    List<Path> outputs = dicomFiles(out);
    assertTrue(outputs.size() >= 40, "outputs " + outputs.size());
    for (Path f : outputs) {
      String text = searchable(f);
      for (String phi : PHI) assertFalse(text.contains(phi), phi + " left in " + f);
      for (String uid : originalUids) assertFalse(text.contains(uid), "original UID " + uid + " left in " + f);
      DicomObject ds = new DicomReader().read(f).dataset();
      assertEquals("YES", ds.string(Tags.PATIENT_IDENTITY_REMOVED).orElseThrow());
      assertFalse(ds.elements().stream().anyMatch(e -> Tags.isPrivate(e.tag())), f.toString());
    }
    // dcmtk, a second independent reader, parses them all without errors
    List<String> cmd = new ArrayList<>(List.of("dcmdump", "-q", "+E"));
    outputs.forEach(o -> cmd.add(o.toString()));
    Process dump = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String dumped = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, dump.waitFor(), dumped.lines().filter(l -> l.startsWith("E:")).toList().toString());
    assertFalse(dumped.contains("\nE: ") || dumped.startsWith("E: "), "dcmdump errors");
    String log = Files.readString(out.resolve("deid-log.jsonl"));
    for (String phi : PHI) assertFalse(log.contains(phi), phi + " in the log");
    assertTrue(log.contains("\"keyword\":\"PatientName\",\"action\":\"Z\""), log.substring(0, 400));
    // pydicom, an independent reader, opens every output and sees the identity removed
    Process p = new ProcessBuilder("/usr/bin/python3", "-c", String.join("\n",
        "import sys, pathlib, pydicom",
        "n = 0",
        "for f in sorted(pathlib.Path(sys.argv[1]).rglob('*.dcm')):",
        "    ds = pydicom.dcmread(str(f))",
        "    str(ds)",
        "    assert ds.PatientIdentityRemoved == 'YES', f",
        "    n += 1",
        "print(n)"), out.toString()).redirectErrorStream(true).start();
    String py = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertEquals(0, p.waitFor(), py);
    assertEquals(String.valueOf(outputs.size()), py.substring(py.lastIndexOf('\n') + 1), py); // warnings come first
  }

  @Test void uidsAreConsistentAcrossFilesAndRuns() throws Exception {
    Path a = tmp.resolve("out-a");
    Path b = tmp.resolve("out-b");
    Path c = tmp.resolve("out-c");
    assertEquals(0, Cli.run("deid", "dicom", in.toString(), "--out", a.toString(), "--key", "same").exitCode());
    assertEquals(0, Cli.run("deid", "dicom", in.toString(), "--out", b.toString(), "--key", "same").exitCode());
    assertEquals(0, Cli.run("deid", "dicom", in.toString(), "--out", c.toString(), "--key", "other").exitCode());
    Path mr = Path.of("test_files/MR_small.dcm");
    assertArrayEquals(Files.readAllBytes(a.resolve(mr)), Files.readAllBytes(b.resolve(mr)));
    // MR_small and its re-encodings share one Study Instance UID: one new UID for all of them
    Set<String> studies = new TreeSet<>();
    for (String n : List.of("MR_small.dcm", "MR_small_bigendian.dcm", "MR_small_implicit.dcm", "MR_small_RLE.dcm")) {
      DicomObject o = new DicomReader().read(a.resolve("test_files").resolve(n)).dataset();
      studies.add(o.string(0x0020000D).orElseThrow());
    }
    assertEquals(1, studies.size(), studies.toString());
    String uid = studies.iterator().next();
    assertTrue(uid.matches("2\\.25\\.[1-9][0-9]*") && uid.length() <= 64, uid);
    assertNotEquals(uid, new DicomReader().read(c.resolve(mr)).dataset().string(0x0020000D).orElseThrow());
    DicomFile f = new DicomReader().read(a.resolve(mr));
    assertEquals(f.dataset().string(Tags.SOP_INSTANCE_UID), f.meta().string(Tags.MEDIA_STORAGE_SOP_INSTANCE_UID));
  }

  @Test void seedProfileAssignsIdsByClassAndKeepsDevice() throws Exception {
    Path src = tmp.resolve("seed-in");
    Files.createDirectories(src);
    String[] patients = {"P-B", "P-A", "P-C"};
    String[] classes = {"malignant", "malignant", "benign"};
    for (int i = 0; i < patients.length; i++) {
      DicomFile d = new DicomReader().read(in.resolve("test_files/CT_small.dcm"));
      d.dataset().putString(Tags.PATIENT_ID, Vr.LO, patients[i]);
      d.dataset().putString(0x00181000, Vr.LO, "SN-4455"); // Device Serial Number
      d.dataset().putString(0x00185101, Vr.CS, "CC");
      d.dataset().putString(0x00200062, Vr.CS, "R");
      DicomWriter.write(d, src.resolve("p" + i + ".dcm"));
    }
    Path ids = tmp.resolve("ids.csv");
    Files.writeString(ids, "patient_id,class\n" + String.join("\n", List.of("P-B,malignant", "P-A,malignant", "P-C,benign")) + "\n");
    Path out = tmp.resolve("seed-out");
    Cli.Result r = Cli.run("deid", "dicom", src.toString(), "--out", out.toString(), "--profile", "seed", "--ids", ids.toString(), "--key", "k");
    assertEquals(0, r.exitCode(), r.toString());
    List<String> got = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      DicomObject o = new DicomReader().read(out.resolve("p" + i + ".dcm")).dataset();
      got.add(o.string(Tags.PATIENT_ID).orElseThrow());
      assertEquals("19000101", o.string(Tags.PATIENT_BIRTH_DATE).orElseThrow());
      assertEquals("19000101", o.string(0x00080020).orElseThrow()); // Study Date
      assertEquals("SN-4455", o.string(0x00181000).orElseThrow());
      assertEquals("CC", o.string(0x00185101).orElseThrow());
      assertEquals("R", o.string(0x00200062).orElseThrow());
    }
    assertEquals(List.of("00002", "00001", "10001"), got); // P-A < P-B sorted within malignant
    Files.writeString(ids, "patient_id,class\nP-A,malignant\n");
    Cli.Result missing = Cli.run("deid", "dicom", src.toString(), "--out", out.toString(), "--profile", "seed", "--ids", ids.toString());
    assertEquals(3, missing.exitCode(), missing.toString());
    assertFalse(missing.err().contains("P-B"), "an error must not print the PHI it refused");
    assertTrue(Files.exists(out.resolve("p0.dcm")), "a failed run leaves the earlier output intact");
  }

  @Test void keepAndOptionsChangeTheActions() throws Exception {
    Path out = tmp.resolve("out-keep");
    Cli.Result r = Cli.run("deid", "dicom", in.resolve("test_files/CT_small.dcm").toString(), "--out", out.toString(),
        "--keep", "InstitutionName", "--retain-uids", "--retain-full-dates");
    assertEquals(0, r.exitCode(), r.toString());
    DicomObject before = new DicomReader().read(in.resolve("test_files/CT_small.dcm")).dataset();
    DicomObject after = new DicomReader().read(out.resolve("CT_small.dcm")).dataset();
    assertEquals("PHIINST Seoul", after.string(0x00080080).orElseThrow());
    assertEquals(before.string(0x0020000D), after.string(0x0020000D));
    assertEquals(before.string(0x00080020), after.string(0x00080020));
    assertEquals("", after.string(Tags.PATIENT_NAME).orElseThrow());
    Cli.Result inside = Cli.run("deid", "dicom", in.toString(), "--out", in.resolve("x").toString());
    assertEquals(2, inside.exitCode());
    // The library says "output folder" (DeidRun.OutputOverlapsInput); only the CLI names its option.
    assertTrue(inside.err().contains("--out"), inside.err());
  }

  @Test void modifiedDatesShiftEveryDateOfAPatientByTheSameDays() throws Exception {
    Path out = tmp.resolve("out-shift");
    Cli.Result r = Cli.run("deid", "dicom", in.resolve("test_files").toString(), "--out", out.toString(), "--key", "k",
        "--retain-modified-dates");
    assertEquals(0, r.exitCode(), r.toString());
    java.time.format.DateTimeFormatter da = java.time.format.DateTimeFormatter.BASIC_ISO_DATE;
    Set<Long> shifts = new TreeSet<>();
    for (String n : List.of("MR_small.dcm", "CT_small.dcm", "rtplan.dcm")) {
      DicomObject before = new DicomReader().read(in.resolve("test_files").resolve(n)).dataset();
      DicomObject after = new DicomReader().read(out.resolve(n)).dataset();
      String d0 = before.string(0x00080020).orElse("");
      if (d0.length() != 8) continue;
      long days = java.time.temporal.ChronoUnit.DAYS.between(java.time.LocalDate.parse(d0, da),
          java.time.LocalDate.parse(after.string(0x00080020).orElseThrow(), da));
      shifts.add(days);
      assertEquals("MODIFIED", after.string(0x00280303).orElseThrow());
    }
    // every fixture carries the planted Patient ID, so one patient, one shift, and not zero
    assertEquals(1, shifts.size(), shifts.toString());
    assertTrue(shifts.iterator().next() != 0 && Math.abs(shifts.iterator().next()) <= 365);
  }

  @Test void largePixelDataIsStreamedThroughUnchanged() throws Exception {
    Path src = tmp.resolve("large-in");
    Files.createDirectories(src);
    DicomFile d = new DicomReader().read(in.resolve("test_files/CT_small.dcm"));
    byte[] pixels = new byte[1024 * 1024 * 2];
    new java.util.Random(1).nextBytes(pixels);
    d.dataset().putUShort(Tags.ROWS, 1024);
    d.dataset().putUShort(Tags.COLUMNS, 1024);
    d.dataset().put(DicomElement.of(Tags.PIXEL_DATA, Vr.OW, pixels));
    DicomWriter.write(d, src.resolve("big.dcm"));
    Path out = tmp.resolve("large-out");
    assertEquals(0, Cli.run("deid", "dicom", src.toString(), "--out", out.toString(), "--key", "k").exitCode());
    DicomFile back = new DicomReader().read(out.resolve("big.dcm"));
    assertTrue(back.dataset().get(Tags.PIXEL_DATA).orElseThrow().isBulk(), "read lazily");
    assertArrayEquals(pixels, back.dataset().get(Tags.PIXEL_DATA).orElseThrow().bytes());
    assertEquals("", back.dataset().string(Tags.PATIENT_NAME).orElseThrow());
  }

  @Test void aBrokenFileFailsTheRunWithoutOutput() throws Exception {
    Path src = tmp.resolve("broken-in");
    Files.createDirectories(src);
    Files.copy(in.resolve("test_files/CT_small.dcm"), src.resolve("a.dcm"));
    Files.copy(SharedFixtures.external("pydicom/src/pydicom/data/test_files/MR_truncated.dcm"), src.resolve("b.dcm"));
    Path out = tmp.resolve("broken-out");
    Cli.Result r = Cli.run("deid", "dicom", src.toString(), "--out", out.toString(), "--key", "k");
    assertEquals(3, r.exitCode(), r.toString());
    assertTrue(r.err().contains("b.dcm") && r.err().contains("dicom.truncated") && r.err().contains("byte offset"), r.err());
    assertFalse(Files.exists(out), "no partial output");
    assertEquals(0, Cli.run("deid", "dicom", "--help").exitCode());
  }

  static List<Path> dicomFiles(Path dir) throws Exception {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.toString().endsWith(".dcm")).sorted().toList();
    }
  }

  /** The file's bytes, plus its data set re-encoded uncompressed when the file is deflated. */
  static String searchable(Path f) throws Exception {
    String raw = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
    DicomFile d = new DicomReader().read(f);
    if (!d.transferSyntax().deflated()) return raw;
    ByteArrayOutputStream plain = new ByteArrayOutputStream();
    DicomWriter.write(d, TransferSyntax.EXPLICIT_LE, plain);
    return raw + new String(plain.toByteArray(), StandardCharsets.ISO_8859_1);
  }
}
