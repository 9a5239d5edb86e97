package org.trainset.dicom.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.trainset.dicom.dict.DicomDictionary;
import org.trainset.testkit.SharedFixtures;

class RuleTableTest {
  /** The committed table is the shared CSV of the standard's table, row by row (a stale table fails here). */
  @Test void isTheStandardsTableRowByRow() throws Exception {
    List<String> csv = Files.readAllLines(SharedFixtures.data("dicom/ps3.15-table-e1-1.csv"));
    RuleTable t = RuleTable.standard();
    assertEquals(csv.size() - 1, t.rules().size());
    assertEquals(657, t.rules().size());
    List<DeidOption> columns = List.of(DeidOption.RETAIN_SAFE_PRIVATE, DeidOption.RETAIN_UIDS,
        DeidOption.RETAIN_DEVICE_IDENTITY, DeidOption.RETAIN_INSTITUTION_IDENTITY, DeidOption.RETAIN_PATIENT_CHARACTERISTICS,
        DeidOption.RETAIN_FULL_DATES, DeidOption.RETAIN_MODIFIED_DATES, DeidOption.CLEAN_DESCRIPTORS,
        DeidOption.CLEAN_STRUCTURED_CONTENT, DeidOption.CLEAN_GRAPHICS); // the CSV's column order
    for (int i = 1; i < csv.size(); i++) {
      String line = csv.get(i);
      int close = line.indexOf("\",");
      String tag = line.substring(1, close);
      String[] f = line.substring(close + 2).split(",", -1);
      RuleTable.Rule r = t.rules().get(i - 1);
      String key = tag.startsWith("(gggg") ? "private" : tag.replaceAll("[(),]", "").toLowerCase();
      assertEquals(key, r.tag(), "row " + i);
      assertEquals(f[0], r.name(), "row " + i);
      assertEquals(f[1].equals("Y"), r.retired(), "row " + i);
      assertEquals(f[3], r.basic(), "row " + i);
      for (int c = 0; c < columns.size(); c++) assertEquals(f[4 + c], r.option(columns.get(c)), "row " + i + " " + columns.get(c));
      if (!key.equals("private") && !key.contains("x")) assertEquals(r, t.find(Integer.parseUnsignedInt(key, 16)).orElseThrow());
    }
  }

  @Test void countsAndEditionAreThoseOfSourcesMd() throws Exception {
    RuleTable t = RuleTable.standard();
    assertEquals("2026d", t.edition());
    assertTrue(Files.readString(SharedFixtures.data("dicom/SOURCES.md")).contains("edition " + t.edition()));
    Map<String, Integer> byAction = new TreeMap<>();
    t.rules().forEach(r -> byAction.merge(r.basic(), 1, Integer::sum));
    assertEquals(Map.of("X", 417, "D", 93, "U", 55, "Z", 42, "X/D", 23, "X/Z", 11, "X/Z/D", 8, "Z/D", 6, "X/Z/U*", 2), byAction);
    Map<String, Integer> options = new TreeMap<>();
    for (RuleTable.Rule r : t.rules()) {
      for (DeidOption o : DeidOption.values()) if (!r.option(o).isEmpty()) options.merge(o.column() + " " + r.option(o), 1, Integer::sum);
    }
    assertEquals(Map.ofEntries(Map.entry("safePrivate C", 1), Map.entry("uids K", 60), Map.entry("device K", 48),
        Map.entry("device C", 11), Map.entry("institution K", 10), Map.entry("patientChars K", 14),
        Map.entry("patientChars C", 5), Map.entry("fullDates K", 169), Map.entry("modifiedDates C", 169),
        Map.entry("cleanDesc C", 141), Map.entry("cleanStruct C", 4), Map.entry("cleanGraph C", 4)), options);
  }

  @Test void repeatingGroupsAreTheEvenGroupsOnly() {
    RuleTable t = RuleTable.standard();
    assertEquals("Overlay Data", t.find(0x60003000).orElseThrow().name());
    assertEquals("Overlay Data", t.find(0x601E3000).orElseThrow().name());
    assertEquals("Overlay Comments", t.find(0x60104000).orElseThrow().name());
    assertFalse(t.find(0x60203000).isPresent(), "(6020,3000) is outside 6000-601E");
    assertFalse(t.find(0x60013000).isPresent(), "(6001,3000) is private, not overlay data");
    assertFalse(t.find(0x60003001).isPresent());
    assertEquals("Curve Data", t.find(0x50000010).orElseThrow().name());
    assertEquals("Curve Data", t.find(0x501E3000).orElseThrow().name());
    assertFalse(t.find(0x50203000).isPresent());
    assertEquals("X", t.privateRule().basic());
    assertEquals("C", t.privateRule().option(DeidOption.RETAIN_SAFE_PRIVATE));
  }

  @Test void retainWinsOverCleanAndOptionsOverBasic() {
    RuleTable.Rule studyDate = RuleTable.standard().find(0x00080020).orElseThrow();
    assertEquals("Z", studyDate.action(EnumSet.noneOf(DeidOption.class)));
    assertEquals("K", studyDate.action(List.of(DeidOption.RETAIN_FULL_DATES)));
    assertEquals("C", studyDate.action(List.of(DeidOption.RETAIN_MODIFIED_DATES)));
    RuleTable.Rule both = RuleTable.standard().rules().stream()
        .filter(r -> r.option(DeidOption.RETAIN_DEVICE_IDENTITY).equals("K") && r.option(DeidOption.CLEAN_DESCRIPTORS).equals("C"))
        .findFirst().orElse(null);
    if (both != null) assertEquals("K", both.action(List.of(DeidOption.CLEAN_DESCRIPTORS, DeidOption.RETAIN_DEVICE_IDENTITY)));
  }

  @Test void dictionaryCoversTheStandard() {
    DicomDictionary d = DicomDictionary.standard();
    assertEquals(4988, d.size());
    assertEquals("PatientName", d.keyword(0x00100010));
    assertEquals("OverlayRows", d.keyword(0x60020010)); // repeating group (60xx,0010)
    assertEquals(0x7FE00010, d.byKeyword("PixelData").orElseThrow().tag());
  }
}
