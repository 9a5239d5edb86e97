package org.trainset.dicom.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.core.io.InputException;
import org.trainset.testkit.SharedFixtures;

class DicomReaderWriterTest {
  static final Path TEST_FILES = SharedFixtures.external("pydicom/src/pydicom/data/test_files");
  static final Path CHARSETS = SharedFixtures.external("pydicom/src/pydicom/data/charset_files");
  /** The fixtures SOURCES.md lists as broken on purpose, and the rule each must fail with. */
  static final java.util.Map<String, String> BROKEN = java.util.Map.of(
      "MR_truncated.dcm", "dicom.truncated",
      "rtplan_truncated.dcm", "dicom.truncated",
      "meta_missing_tsyntax.dcm", "dicom.transfer-syntax");

  static List<Path> fixtures() throws IOException {
    List<Path> all = new ArrayList<>();
    for (Path dir : List.of(TEST_FILES, CHARSETS)) {
      try (Stream<Path> s = Files.walk(dir)) {
        s.filter(p -> p.toString().endsWith(".dcm") || p.getFileName().toString().equals("DICOMDIR"))
            .sorted().forEach(all::add);
      }
    }
    return all;
  }

  /** no_meta.dcm is CT_small's data set with no preamble or meta and one stray leading space. */
  @Test void bareDataSetAfterStrayPaddingIsRead() throws Exception {
    DicomFile bare = new DicomReader().read(TEST_FILES.resolve("no_meta.dcm"));
    DicomFile ct = new DicomReader().read(TEST_FILES.resolve("CT_small.dcm"));
    assertEquals(TransferSyntax.EXPLICIT_LE.uid(), bare.transferSyntax().uid());
    assertEquals(Canonical.of(ct.dataset()), Canonical.of(bare.dataset()));
  }

  @Test void parseLimitsApply() throws Exception {
    Path f = TEST_FILES.resolve("rtplan.dcm"); // sequences nested three deep
    org.trainset.core.io.ParseLimits tight = org.trainset.core.io.ParseLimits.DEFAULT;
    InputException depth = assertThrows(InputException.class,
        () -> new DicomReader(DicomReader.Options.defaults().withLimits(tight.withMaxNestingDepth(1))).read(f));
    assertEquals("dicom.depth", depth.rule());
    InputException size = assertThrows(InputException.class,
        () -> new DicomReader(DicomReader.Options.defaults().withLimits(tight.withMaxFileSize(100))).read(f));
    assertEquals("max-file-size", size.rule());
    InputException text = assertThrows(InputException.class,
        () -> new DicomReader(DicomReader.Options.defaults().withLimits(tight.withMaxStringLength(4))).read(f));
    assertEquals("max-string-length", text.rule());
    assertTrue(text.getMessage().contains("rtplan.dcm"), text.getMessage());
  }

  @Test void everyFixtureParsesOrFailsTyped(@TempDir Path tmp) throws Exception {
    int parsed = 0;
    for (Path f : fixtures()) {
      String name = f.getFileName().toString();
      if (BROKEN.containsKey(name)) {
        InputException e = assertThrows(InputException.class, () -> new DicomReader().read(f), name);
        assertEquals(BROKEN.get(name), e.rule(), name);
        assertTrue(e.getMessage().contains(name) && e.getMessage().contains("byte offset"), e.getMessage());
        continue;
      }
      DicomFile a = new DicomReader().read(f);
      assertTrue(a.dataset().size() > 0, name);
      Path out = tmp.resolve(name);
      DicomWriter.write(a, out);
      DicomFile b = new DicomReader().read(out);
      assertEquals(Canonical.of(a.dataset()), Canonical.of(b.dataset()), "round trip of " + name);
      assertEquals(a.transferSyntax().uid(), b.transferSyntax().uid(), name);
      parsed++;
    }
    assertTrue(parsed >= 40, "parsed " + parsed);
  }

  @Test void transferSyntaxesAndStructure() throws Exception {
    DicomFile be = new DicomReader().read(TEST_FILES.resolve("MR_small_bigendian.dcm"));
    DicomFile le = new DicomReader().read(TEST_FILES.resolve("MR_small.dcm"));
    assertEquals(TransferSyntax.EXPLICIT_BE, be.transferSyntax());
    assertEquals(64, be.dataset().intValue(Tags.ROWS, -1));
    // the same image in big and little endian holds the same pixel values once read
    assertTrue(java.util.Arrays.equals(le.dataset().get(Tags.PIXEL_DATA).orElseThrow().bytes(),
        be.dataset().get(Tags.PIXEL_DATA).orElseThrow().bytes()));
    DicomFile dfl = new DicomReader().read(TEST_FILES.resolve("image_dfl.dcm"));
    assertTrue(dfl.transferSyntax().deflated());
    assertEquals(512, dfl.dataset().intValue(Tags.ROWS, -1));
    DicomFile noMeta = new DicomReader().read(TEST_FILES.resolve("ExplVR_BigEndNoMeta.dcm"));
    assertTrue(noMeta.transferSyntax().bigEndian());
    assertTrue(noMeta.preamble() == null);
    DicomFile un = new DicomReader().read(TEST_FILES.resolve("UN_sequence.dcm"));
    assertTrue(un.dataset().elements().stream().anyMatch(DicomElement::isSequence));
    DicomFile rle = new DicomReader().read(TEST_FILES.resolve("SC_rgb_rle_2frame.dcm"));
    DicomElement px = rle.dataset().get(Tags.PIXEL_DATA).orElseThrow();
    assertEquals(3, px.fragments().size()); // offset table + one fragment per frame
  }

  @Test void rtplanAndRtstructValuesMatchTheDumps() throws Exception {
    DicomFile plan = new DicomReader().read(TEST_FILES.resolve("rtplan.dcm"));
    assertTrue(Files.readString(TEST_FILES.resolve("rtplan.dump")).contains("'Field 1 '"));
    assertEquals("Field 1", plan.dataset().items(0x300A00B0).get(0).string(0x300A00C2).orElseThrow());
    // rtstruct.dump lists "(gggg, eeee) Name  VR: 'value'" for every single-valued text element,
    // nested items included; each must be found with the same value at the same tag.
    DicomFile st = new DicomReader().read(TEST_FILES.resolve("rtstruct.dcm"));
    java.util.Map<Integer, Set<String>> values = new java.util.HashMap<>();
    collect(st.dataset(), values);
    var line = java.util.regex.Pattern.compile("\\(([0-9a-f]{4}), ([0-9a-f]{4})\\).*?\\b([A-Z]{2}): '(.*)'$");
    int checked = 0;
    for (String l : Files.readAllLines(TEST_FILES.resolve("rtstruct.dump"))) {
      var m = line.matcher(l.strip());
      if (!m.find()) continue;
      int tag = Integer.parseUnsignedInt(m.group(1) + m.group(2), 16);
      assertTrue(values.getOrDefault(tag, Set.of()).contains(m.group(4)), l);
      checked++;
    }
    assertTrue(checked > 30, "checked " + checked);
  }

  private static void collect(DicomObject o, java.util.Map<Integer, Set<String>> into) {
    for (DicomElement e : o.elements()) {
      if (e.isSequence()) e.items().forEach(i -> collect(i, into));
      else o.string(e.tag()).ifPresent(v -> into.computeIfAbsent(e.tag(), k -> new java.util.HashSet<>()).add(v));
    }
  }

  @Test void koreanAndJapaneseCharacterSets() throws Exception {
    DicomObject h31 = new DicomReader().read(CHARSETS.resolve("chrH31.dcm")).dataset();
    assertEquals("Yamada^Tarou=山田^太郎=やまだ^たろう", h31.string(Tags.PATIENT_NAME).orElseThrow());
    DicomObject h32 = new DicomReader().read(CHARSETS.resolve("chrH32.dcm")).dataset();
    assertEquals("ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう", h32.string(Tags.PATIENT_NAME).orElseThrow());
    DicomObject kr = new DicomReader().read(CHARSETS.resolve("chrKoreanMulti.dcm")).dataset();
    assertEquals("김희중", kr.string(Tags.PATIENT_NAME).orElseThrow());
    assertEquals(List.of("김희중", "김희중"), kr.strings(0x00101001)); // Other Patient Names, two values
    assertEquals("김희중", kr.string(0x001021B0).orElseThrow()); // LT
    // an item with its own character set inside a UTF-8 data set
    DicomObject sq = new DicomReader().read(CHARSETS.resolve("chrSQEncoding.dcm")).dataset();
    assertEquals("Doctor^Who^^MD", sq.string(0x00321032).orElseThrow());
    assertEquals("ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう", sq.items(0x00321064).get(0).string(Tags.PATIENT_NAME).orElseThrow());
  }

  @Test void koreanRoundTripsThroughIr149(@TempDir Path tmp) throws Exception {
    DicomObject ds = new DicomObject();
    ds.putString(Tags.SPECIFIC_CHARACTER_SET, Vr.CS, "\\ISO 2022 IR 149");
    ds.putString(Tags.PATIENT_NAME, Vr.PN, "Hong^Gildong=洪^吉洞=홍^길동");
    byte[] raw = ds.get(Tags.PATIENT_NAME).orElseThrow().bytes();
    assertTrue(new String(raw, java.nio.charset.StandardCharsets.ISO_8859_1).contains("\u001b$)C"));
    DicomFile f = new DicomFile(null, null, new DicomObject(), ds, TransferSyntax.EXPLICIT_LE);
    DicomWriter.write(f, tmp.resolve("k.dcm"));
    assertEquals("Hong^Gildong=洪^吉洞=홍^길동",
        new DicomReader().read(tmp.resolve("k.dcm")).dataset().string(Tags.PATIENT_NAME).orElseThrow());
  }

  @Test void largeValuesStayInTheFileAndAreCopiedThrough(@TempDir Path tmp) throws Exception {
    Path ct = TEST_FILES.resolve("CT_small.dcm");
    DicomFile lazy = new DicomReader(new DicomReader.Options(false, 1024)).read(ct);
    assertTrue(lazy.dataset().get(Tags.PIXEL_DATA).orElseThrow().isBulk());
    DicomWriter.write(lazy, tmp.resolve("ct.dcm"));
    assertEquals(Canonical.of(new DicomReader().read(ct).dataset()),
        Canonical.of(new DicomReader().read(tmp.resolve("ct.dcm")).dataset()));
    DicomFile header = new DicomReader(DicomReader.Options.headerOnly()).read(ct);
    assertTrue(!header.dataset().contains(Tags.PIXEL_DATA) && header.dataset().intValue(Tags.ROWS, 0) == 128);
  }

  @Test void standardSequenceSentAsUnIsParsed(@TempDir Path tmp) throws Exception {
    java.nio.ByteBuffer item = java.nio.ByteBuffer.allocate(8 + 8 + 6).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    item.putShort((short) 0xFFFE).putShort((short) 0xE000).putInt(14); // item of defined length
    item.putShort((short) 0x0010).putShort((short) 0x0010).putInt(6).put("PHI^X ".getBytes()); // implicit VR
    DicomFile f = new DicomReader().read(TEST_FILES.resolve("CT_small.dcm"));
    f.dataset().put(DicomElement.of(0x00081115, Vr.UN, item.array()));
    DicomWriter.write(f, tmp.resolve("un.dcm"));
    DicomObject back = new DicomReader().read(tmp.resolve("un.dcm")).dataset();
    assertEquals("PHI^X", back.items(0x00081115).get(0).string(Tags.PATIENT_NAME).orElseThrow());
  }

  @Test void latin1AndUtf8(@TempDir Path tmp) throws Exception {
    for (String cs : List.of("ISO_IR 100", "ISO_IR 192")) {
      DicomObject ds = new DicomObject();
      ds.putString(Tags.SPECIFIC_CHARACTER_SET, Vr.CS, cs);
      ds.putString(Tags.PATIENT_NAME, Vr.PN, "Buc^Jérôme");
      byte[] raw = ds.get(Tags.PATIENT_NAME).orElseThrow().bytes();
      assertEquals(cs.equals("ISO_IR 100") ? 10 : 12, raw.length, cs); // é and ô: 1 byte each in Latin-1, 2 in UTF-8
      Path out = tmp.resolve(cs.replace(' ', '_') + ".dcm");
      DicomWriter.write(new DicomFile(null, null, new DicomObject(), ds, TransferSyntax.EXPLICIT_LE), out);
      assertEquals("Buc^Jérôme", new DicomReader().read(out).dataset().string(Tags.PATIENT_NAME).orElseThrow());
    }
  }
}
