package org.trainset.refine.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {
  @Test void nfkcCaseFoldPunctuationAndWhitespace() {
    assertEquals("안녕하세요 abc 123", TextNormalizer.normalize("  안녕하세요!\u3000ＡＢＣ\t\t１２３. "));
    assertEquals(TextNormalizer.normalize("서울은 \"맑음\"."), TextNormalizer.normalize("서울은 맑음"));
    assertEquals("\u1100", TextNormalizer.normalize("\u3131"), "NFKC maps a compatibility jamo to the conjoining one");
    assertEquals("", TextNormalizer.normalize(" ... "));
  }

  @Test void shinglesOfThreeAreExactAndJaccardIsCorrect() {
    long[] a = Shingles.of("abcd", 3);
    long[] b = Shingles.of("abce", 3);
    assertEquals(2, a.length);
    assertEquals(1.0 / 3, Shingles.jaccard(a, b), 1e-12);
    assertEquals(1, Shingles.of("ab", 3).length);
    assertTrue(Shingles.jaccard(Shingles.of("ab", 3), Shingles.of("abc", 3)) < 1);
  }

  @Test void idOrderIsNumericAware() {
    assertTrue(IdOrder.INSTANCE.compare("s2", "s10") < 0);
    assertTrue(IdOrder.INSTANCE.compare("a", "b") < 0);
    assertTrue(IdOrder.INSTANCE.compare("s010", "s10") != 0);
  }
}
