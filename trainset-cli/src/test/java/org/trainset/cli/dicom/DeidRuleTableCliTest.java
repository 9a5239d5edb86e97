package org.trainset.cli.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.trainset.cli.Cli;
import org.trainset.dicom.deid.DeidOption;
import org.trainset.dicom.dict.DicomDictionary;
import org.trainset.dicom.io.DicomElement;
import org.trainset.dicom.io.DicomFile;
import org.trainset.dicom.io.DicomObject;
import org.trainset.dicom.io.DicomReader;
import org.trainset.dicom.io.DicomWriter;
import org.trainset.dicom.io.Tags;
import org.trainset.dicom.io.TransferSyntax;
import org.trainset.dicom.io.Vr;
import org.trainset.testkit.SharedFixtures;

/**
 * Every row of PS3.15 Table E.1-1, read here straight from the shared CSV (not from trainset's
 * generated table), planted in one file with a distinctive value, then de-identified through the
 * CLI with the Basic Profile and with each option: each attribute must come out as its action says.
 */
class DeidRuleTableCliTest {
  /** The family name of the planted Patient's Name: C (clean) must take it out of every text it keeps. */
  static final String NAME = "PHINAMEX";
  /** A row of the CSV: tag (or pattern) and the actions by column, Basic first. */
  record Row(int index, String tag, String name, Map<String, String> actions) {}

  static final List<String> COLUMNS = List.of("basic", "rtn_safe_priv", "rtn_uids", "rtn_dev_id", "rtn_inst_id",
      "rtn_pat_chars", "rtn_long_full_dates", "rtn_long_modif_dates", "clean_desc", "clean_struct_cont", "clean_graph");
  static final Map<DeidOption, String> FLAGS = new LinkedHashMap<>();
  static final Map<DeidOption, String> COLUMN = new LinkedHashMap<>();
  @TempDir static Path tmp;
  static List<Row> rows = new ArrayList<>();
  /** Planted element per row (null when the row is not planted in the data set: group 0000/0002). */
  static Map<Row, Integer> planted = new LinkedHashMap<>();
  static Path in;
  static DicomObject original;

  @BeforeAll static void plantEveryRow() throws Exception {
    FLAGS.put(DeidOption.RETAIN_SAFE_PRIVATE, "--retain-safe-private");
    FLAGS.put(DeidOption.RETAIN_UIDS, "--retain-uids");
    FLAGS.put(DeidOption.RETAIN_DEVICE_IDENTITY, "--retain-device-identity");
    FLAGS.put(DeidOption.RETAIN_INSTITUTION_IDENTITY, "--retain-institution-identity");
    FLAGS.put(DeidOption.RETAIN_PATIENT_CHARACTERISTICS, "--retain-patient-characteristics");
    FLAGS.put(DeidOption.RETAIN_FULL_DATES, "--retain-full-dates");
    FLAGS.put(DeidOption.RETAIN_MODIFIED_DATES, "--retain-modified-dates");
    FLAGS.put(DeidOption.CLEAN_DESCRIPTORS, "--clean-descriptors");
    FLAGS.put(DeidOption.CLEAN_STRUCTURED_CONTENT, "--clean-structured-content");
    FLAGS.put(DeidOption.CLEAN_GRAPHICS, "--clean-graphics");
    int c = 1;
    for (DeidOption o : FLAGS.keySet()) COLUMN.put(o, COLUMNS.get(c++));
    List<String> lines = Files.readAllLines(SharedFixtures.data("dicom/ps3.15-table-e1-1.csv"), StandardCharsets.UTF_8);
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      int close = line.indexOf("\",");
      String[] f = line.substring(close + 2).split(",", -1);
      Map<String, String> actions = new LinkedHashMap<>();
      for (int k = 0; k < COLUMNS.size(); k++) actions.put(COLUMNS.get(k), f[3 + k]);
      rows.add(new Row(i, line.substring(1, close), f[0], actions));
    }
    assertEquals(657, rows.size());
    DicomObject ds = new DicomObject();
    ds.putString(Tags.SPECIFIC_CHARACTER_SET, Vr.CS, "ISO_IR 100");
    for (Row r : rows) {
      Integer tag = concreteTag(r);
      if (tag == null || Tags.group(tag) <= 2) continue; // (0000,xxxx) is a command, (0002,xxxx) file meta
      planted.put(r, tag);
      ds.put(value(tag, vrOf(tag), r.index()));
    }
    ds.putString(Tags.PATIENT_NAME, Vr.PN, NAME + "^R" + rowOf(Tags.PATIENT_NAME).index());
    ds.putString(0x00090010, Vr.LO, "ACME SAFE");     // a private creator and two of its attributes,
    ds.putString(0x00091001, Vr.LO, "R" + rowOf(-1).index() + " " + NAME); // one of which the safe-private list names
    ds.putString(0x00091002, Vr.LO, "R9002 private");
    planted.put(rowOf(-1), 0x00091001);
    DicomObject meta = new DicomObject();
    meta.putString(Tags.MEDIA_STORAGE_SOP_CLASS_UID, Vr.UI, "1.2.840.10008.5.1.4.1.1.7");
    meta.putString(Tags.MEDIA_STORAGE_SOP_INSTANCE_UID, Vr.UI, "1.2.826.0.1.3680043.99.7");
    in = tmp.resolve("in/all-rows.dcm");
    Files.createDirectories(in.getParent());
    DicomWriter.write(new DicomFile(in, null, meta, ds, TransferSyntax.EXPLICIT_LE), in);
    original = new DicomReader().read(in).dataset();
    assertEquals(657 - 3, planted.size()); // all but (0000,1000), (0000,1001), (0002,0003)
  }

  /** The tag planted for a row: itself, or for the repeating groups a member of group xx02. */
  static Integer concreteTag(Row r) {
    return switch (r.tag()) {
      case "(50xx,xxxx)" -> 0x50023000; // Curve Data in curve group 5002
      case "(60xx,3000)" -> 0x60023000; // Overlay Data in overlay group 6002
      case "(60xx,4000)" -> 0x60024000; // Overlay Comments
      default -> r.tag().startsWith("(gggg") ? null : Tags.parse(r.tag());
    };
  }

  static Row rowOf(int tag) {
    for (Row r : rows) {
      if (tag == -1 ? r.tag().startsWith("(gggg") : r.tag().equals(String.format("(%04X,%04X)", Tags.group(tag), Tags.element(tag)))) return r;
    }
    throw new AssertionError("no row for " + Tags.format(tag));
  }

  static Vr vrOf(int tag) {
    if (tag == 0x50023000) return Vr.OB;
    if (tag == 0x60023000) return Vr.OW;
    if (tag == 0x60024000) return Vr.LT;
    return DicomDictionary.standard().find(tag).map(DicomDictionary.Entry::vr).orElse(Vr.LO); // newer than dcmtk's dictionary
  }

  /** A valid, distinctive value: text holds "R<row>" and the patient's name, which C must remove. */
  static DicomElement value(int tag, Vr vr, int row) {
    String text = "R" + row + " " + NAME;
    String s = switch (vr) {
      case AE, CS, SH, LO, LT, ST, UT, UC -> text;
      case PN -> NAME + "^R" + row;
      case DA -> "19770413";
      case TM -> "101112";
      case DT -> "19770413101112";
      case AS -> "042Y";
      case DS -> "12.5";
      case IS -> "42";
      case UI -> "1.2.826.0.1.3680043.99." + row;
      case UR -> "http://r" + row + ".example/" + NAME;
      default -> null;
    };
    if (s != null) return DicomElement.of(tag, vr, s.getBytes(StandardCharsets.ISO_8859_1));
    if (vr == Vr.SQ) {
      DicomObject item = new DicomObject();
      item.putString(Tags.PATIENT_NAME, Vr.PN, NAME + "^R" + row);
      item.putString(0x00081155, Vr.UI, "1.2.826.0.1.3680043.99.1" + row); // Referenced SOP Instance UID (U)
      item.putString(0x00080100, Vr.SH, "R" + row + "CODE"); // Code Value: no row, kept unless cleaned
      return DicomElement.sequence(tag, new ArrayList<>(List.of(item)));
    }
    byte[] b = switch (vr) {
      case US, SS -> new byte[] {7, 1};
      case UL, SL, FL, AT -> new byte[] {7, 1, 0, 0};
      case FD, SV, UV -> new byte[] {7, 1, 0, 0, 0, 0, 0, 0};
      default -> java.util.Arrays.copyOf(text.getBytes(StandardCharsets.US_ASCII), 16); // OB, OW, OF, OD, OL, OV, UN
    };
    return DicomElement.of(tag, vr, b);
  }

  static DicomObject deid(String name, String... flags) throws Exception {
    Path out = tmp.resolve(name);
    List<String> args = new ArrayList<>(List.of("deid", "dicom", in.toString(), "--out", out.toString(), "--key", "k"));
    args.addAll(List.of(flags));
    Cli.Result r = Cli.run(args.toArray(String[]::new));
    assertEquals(0, r.exitCode(), r.toString());
    return new DicomReader().read(out.resolve("all-rows.dcm")).dataset();
  }

  /** The single action the row's code stands for, resolved as trainset documents (docs/dicom.md). */
  static String resolved(String code, Vr vr) {
    return switch (code) {
      case "X/Z" -> "Z";
      case "X/D", "X/Z/D", "Z/D" -> "D";
      case "X/Z/U*" -> vr == Vr.UI || vr == Vr.SQ ? "U" : "Z";
      default -> code;
    };
  }

  /** Checks one attribute after de-identification against the single action it should have had. */
  static void check(Row r, int tag, String action, DicomObject after, Set<DeidOption> options) {
    String where = r.tag() + " " + r.name() + " " + action;
    DicomElement before = original.get(tag).orElseThrow();
    DicomElement e = after.get(tag).orElse(null);
    String token = "R" + r.index();
    switch (action) {
      case "X" -> assertFalse(after.contains(tag), where);
      case "Z" -> {
        assertNotNull(e, where);
        assertTrue(e.isSequence() ? e.items().isEmpty() : e.length() == 0, where);
      }
      case "D" -> {
        assertNotNull(e, where);
        if (e.isSequence()) assertFalse(text(e).contains(NAME), where);
        else {
          assertTrue(e.length() > 0, where);
          assertFalse(new String(e.bytes(), StandardCharsets.ISO_8859_1).contains(token), where);
        }
      }
      case "U" -> {
        assertNotNull(e, where);
        if (e.isSequence()) {
          assertEquals(1, e.items().size(), where);
          String uid = e.items().get(0).string(0x00081155).orElseThrow();
          assertTrue(uid.startsWith("2.25."), where + " " + uid);
        } else {
          String uid = after.string(tag).orElseThrow();
          assertTrue(uid.startsWith("2.25.") && !uid.equals(original.string(tag).orElseThrow()), where + " " + uid);
        }
      }
      case "K" -> {
        assertNotNull(e, where);
        if (e.isSequence()) assertEquals(before.items().size(), e.items().size(), where); // kept, items de-identified
        else assertArrayEquals(before.bytes(), e.bytes(), where);
      }
      case "C" -> {
        assertNotNull(e, where);
        Vr vr = e.vr();
        if (e.isSequence()) {
          assertEquals(1, e.items().size(), where);
          assertFalse(text(e).contains(NAME), where);
          assertEquals(token + "CODE", e.items().get(0).string(0x00080100).orElseThrow(), where);
        } else if (vr == Vr.DA || vr == Vr.DT) {
          String v = after.string(tag).orElseThrow();
          if (options.contains(DeidOption.RETAIN_MODIFIED_DATES)) {
            assertTrue(v.length() >= 8 && !v.startsWith("19770413"), where + " " + v);
          } else {
            assertEquals("", v, where);
          }
        } else if (vr == Vr.UI) {
          assertTrue(after.string(tag).orElseThrow().startsWith("2.25."), where);
        } else if (vr.isString() && vr != Vr.TM && vr != Vr.AS && vr != Vr.DS && vr != Vr.IS) {
          String v = after.string(tag).orElseThrow();
          assertFalse(v.toUpperCase().contains(NAME), where + " kept the patient's name: " + v);
          if (vr != Vr.PN) assertTrue(v.contains(token), where + " cleaned away the rest too: " + v);
        } else if (vr == Vr.OB || vr == Vr.OW || vr == Vr.UN) {
          byte[] b = e.bytes();
          assertEquals(before.length(), b.length, where);
          for (byte x : b) assertEquals(0, x, where + " bitmap not cleared");
        } else {
          assertArrayEquals(before.bytes(), e.bytes(), where); // numbers and times carry no identity
        }
      }
      default -> throw new AssertionError("unknown action " + action + " for " + where);
    }
  }

  static String text(DicomElement seq) {
    StringBuilder b = new StringBuilder();
    for (DicomObject item : seq.items()) {
      for (DicomElement e : item.elements()) {
        if (e.isSequence()) b.append(text(e));
        else if (!e.isBulk()) b.append(new String(e.bytes(), StandardCharsets.ISO_8859_1)).append('|');
      }
    }
    return b.toString();
  }

  /** One test per Basic Profile action code: every row with that code, de-identified with no option. */
  @ParameterizedTest
  @ValueSource(strings = {"X", "Z", "D", "U", "X/Z", "X/D", "X/Z/D", "Z/D", "X/Z/U*"})
  void basicActionCode(String code) throws Exception {
    DicomObject after = basicOutput();
    int n = 0;
    for (Map.Entry<Row, Integer> p : planted.entrySet()) {
      Row r = p.getKey();
      if (!r.actions().get("basic").equals(code)) continue;
      check(r, p.getValue(), resolved(code, original.get(p.getValue()).orElseThrow().vr()), after, Set.of());
      n++;
    }
    assertTrue(n > 0, "no row with " + code);
  }

  /** One test per option column: every row the column gives an action, with only that option on. */
  @ParameterizedTest
  @EnumSource(DeidOption.class)
  void optionColumn(DeidOption option) throws Exception {
    List<String> flags = new ArrayList<>(List.of(FLAGS.get(option)));
    if (option == DeidOption.RETAIN_SAFE_PRIVATE) {
      Path list = tmp.resolve("safe.csv");
      Files.writeString(list, "private_creator,group,element\nACME SAFE,0009,01\n");
      flags.add(list.toString());
    }
    DicomObject after = deid("out-" + option.name(), flags.toArray(String[]::new));
    String column = COLUMN.get(option);
    int n = 0;
    for (Map.Entry<Row, Integer> p : planted.entrySet()) {
      Row r = p.getKey();
      String a = r.actions().get(column);
      if (a.isEmpty()) continue;
      check(r, p.getValue(), resolved(a, original.get(p.getValue()).orElseThrow().vr()), after, EnumSet.of(option));
      n++;
    }
    assertTrue(n > 0, "no row for " + column);
    if (option == DeidOption.RETAIN_SAFE_PRIVATE) {
      assertEquals("ACME SAFE", after.string(0x00090010).orElseThrow());
      assertFalse(after.contains(0x00091002), "a private attribute not on the list is removed");
    }
    String method = after.string(Tags.DEIDENTIFICATION_METHOD).orElseThrow();
    assertTrue(method.contains(option.meaning()) && method.contains("PS3.15 2026d"), method);
  }

  static DicomObject basic;

  static synchronized DicomObject basicOutput() throws Exception {
    if (basic == null) basic = deid("out-basic");
    return basic;
  }

  /** The PHI sweep: no row the table says to remove, empty or replace leaves its value anywhere in the file. */
  @Test void phiSweepOverEveryRemovedOrEmptiedRow() throws Exception {
    basicOutput();
    byte[] bytes = Files.readAllBytes(tmp.resolve("out-basic/all-rows.dcm"));
    String file = new String(bytes, StandardCharsets.ISO_8859_1);
    int swept = 0;
    for (Map.Entry<Row, Integer> p : planted.entrySet()) {
      Row r = p.getKey();
      if (r.actions().get("basic").equals("U")) continue; // replaced UIDs are checked in basicActionCode
      String token = "R" + r.index() + " ";
      String uid = "1.2.826.0.1.3680043.99." + r.index();
      assertFalse(file.contains(token) || file.contains("^R" + r.index() + "\0") || file.contains(uid + "\0"),
          r.tag() + " " + r.name() + " (" + r.actions().get("basic") + ") left its value in the output");
      swept++;
    }
    assertTrue(swept > 590, "swept " + swept);
    assertFalse(file.contains(NAME), "the patient's name is left somewhere");
    assertFalse(file.contains("1.2.826.0.1.3680043.99.7"), "the Media Storage SOP Instance UID is left in the meta group");
    DicomObject after = basicOutput();
    assertEquals("YES", after.string(Tags.PATIENT_IDENTITY_REMOVED).orElseThrow());
    assertTrue(after.string(Tags.DEIDENTIFICATION_METHOD).orElseThrow().contains("PS3.15 2026d Table E.1-1"));
    assertEquals(DeidDicomVerb.EDITION, org.trainset.dicom.deid.RuleTable.standard().edition());
  }

  /** dcmtk and pydicom read the basic and every option's output. */
  @Test void independentReadersReadEveryOutput() throws Exception {
    basicOutput();
    deid("out-clean-all", "--clean-descriptors", "--clean-structured-content", "--clean-graphics", "--retain-modified-dates");
    List<String> files = new ArrayList<>();
    for (String d : List.of("out-basic", "out-clean-all")) files.add(tmp.resolve(d).resolve("all-rows.dcm").toString());
    List<String> cmd = new ArrayList<>(List.of("dcmdump", "-q", "+E"));
    cmd.addAll(files);
    Process dump = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String dumped = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, dump.waitFor(), dumped.lines().filter(l -> l.startsWith("E:")).limit(5).toList().toString());
    List<String> args = new ArrayList<>(List.of("/usr/bin/python3", "-c", String.join("\n",
        "import sys, pydicom",
        "for f in sys.argv[1:]:",
        "    ds = pydicom.dcmread(f)",
        "    str(ds)",
        "    assert ds.PatientIdentityRemoved == 'YES', f",
        "    assert '2026d' in str(ds[0x00120063].value), ds[0x00120063].value",
        "print('ok', len(sys.argv) - 1)")));
    args.addAll(files);
    Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertEquals(0, p.waitFor(), out);
    assertTrue(out.endsWith("ok 2"), out);
  }
}
