package org.trainset.eval.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trainset.core.model.AnnotationMeta;
import org.trainset.core.model.Item;
import org.trainset.core.model.MediaKind;
import org.trainset.core.model.MediaRef;
import org.trainset.core.model.Tag;

class SplitKeyTest {
  private static final Item ITEM = new Item("site-a/scan-7", "train",
      List.of(new MediaRef(MediaKind.IMAGE, "x.dcm", 10, 10, Map.of("PatientID", "P-9"))),
      Map.of("patient", Map.of("id", 42L), "scenario", "night", "dose", 3.0),
      List.of(new Tag(AnnotationMeta.of("cat")), new Tag(AnnotationMeta.of("dog")), new Tag(AnnotationMeta.of("dog"))));

  @Test
  void everyKeyKind() {
    assertEquals("dog", SplitKey.parse("label").valueOf(ITEM));
    assertEquals("train", SplitKey.parse("subset").valueOf(ITEM));
    assertEquals("site-a", SplitKey.parse("dir").valueOf(ITEM));
    assertEquals("night", SplitKey.parse("attr:scenario").valueOf(ITEM));
    assertEquals("42", SplitKey.parse("attr:patient.id").valueOf(ITEM));
    assertEquals("3", SplitKey.parse("attr:dose").valueOf(ITEM));
    assertEquals("P-9", SplitKey.parse("media:PatientID").valueOf(ITEM));
    assertNull(SplitKey.parse("attr:missing").valueOf(ITEM));
    assertNull(SplitKey.parse("attr:patient").valueOf(ITEM), "an object is not a key value");
    assertThrows(IllegalArgumentException.class, () -> SplitKey.parse("patient"));
  }

  @Test
  void majorityLabelTieGoesToTheFirst() {
    Item tie = ITEM.withAnnotations(List.of(new Tag(AnnotationMeta.of("b")), new Tag(AnnotationMeta.of("a"))));
    assertEquals("b", SplitKey.parse("label").valueOf(tie));
    assertNull(SplitKey.parse("label").valueOf(ITEM.withAnnotations(List.of())));
  }
}
