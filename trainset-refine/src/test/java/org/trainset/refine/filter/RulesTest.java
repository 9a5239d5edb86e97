package org.trainset.refine.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RulesTest {
  private static TextRule.Text pair(String s, String t) {
    return new TextRule.Text(s, t, "ko", "en");
  }

  @Test void eojeolCountsRunsOfNonSpace() {
    assertEquals(4, TextRule.eojeol("  나는   오늘\t학교에\u3000갔다 "));
    assertEquals(0, TextRule.eojeol(" "));
    assertEquals("2 eojeol < 3", Rules.eojeol(3, 10).violation(pair("나는 갔다", "x")));
    assertEquals("3 eojeol > 2", Rules.eojeol(0, 2).violation(pair("a b c", "x")));
  }

  @Test void ocrCharsetNamesTheFirstBadCharacter() {
    TextRule r = Rules.ocrCharset();
    assertNull(r.violation(new TextRule.Text("한글 ABC xyz 0-9".replace("-", ""), null, null, null)));
    assertEquals("character U+002D '-' outside the OCR set", r.violation(new TextRule.Text("0-9", null, null, null)));
    assertEquals("character U+1100 'ᄀ' outside the OCR set", r.violation(new TextRule.Text("\u1100", null, null, null)));
    assertEquals("character U+00E9 'é' outside the OCR set", r.violation(pair("좋아요", "café")));
  }

  @Test void untranslatedAndRatio() {
    TextRule u = Rules.untranslated();
    assertEquals("target equals source", u.violation(pair("OK Google", "ok  google")));
    assertEquals("target is still Hangul (4 of 5 letters)", u.violation(pair("안녕하세요", "안녕하세a")));
    assertNull(u.violation(pair("안녕하세요", "Hello, 민수")), "a Korean name in English is fine");
    assertNull(u.violation(new TextRule.Text("hello", "안녕", "en", "ko")), "Korean targets are fine");
    TextRule ratio = Rules.lengthRatio(0.5, 4);
    assertNull(ratio.violation(pair("안녕하세요", "Hello there")));
    assertEquals("ratio 0.200 outside [0.5, 4.0]", ratio.violation(pair("안녕하세요 반갑습니다", "Hi")));
    assertThrows(IllegalArgumentException.class, () -> Rules.lengthRatio(3, 1));
  }
}
