package org.trainset.dicom.io;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Specific Character Set (0008,0005), PS3.5 6.1. Single-byte sets and UTF-8/GB18030 decode with
 * one Java charset. ISO 2022 sets (Korean IR 149, Japanese IR 87/13, ...) switch on escape
 * sequences; the code elements are decoded through their EUC form, and the default repertoire
 * is restored at each delimiter ({@code ^ = \ CR LF}) as the standard requires.
 */
public final class SpecificCharacterSet {
  public static final SpecificCharacterSet DEFAULT = new SpecificCharacterSet(List.of(""));
  private static final Charset EUC_KR = Charset.forName("EUC-KR");
  private static final Charset EUC_JP = Charset.forName("EUC-JP");
  private final List<String> terms;

  private SpecificCharacterSet(List<String> terms) {
    this.terms = terms;
  }

  /** From the raw (0008,0005) value, e.g. {@code \ISO 2022 IR 149}. */
  public static SpecificCharacterSet of(String value) {
    List<String> t = List.of(value.split("\\\\", -1)).stream().map(String::trim).toList();
    return t.isEmpty() ? DEFAULT : new SpecificCharacterSet(t);
  }

  public List<String> terms() {
    return terms;
  }

  public boolean isIso2022() {
    return terms.stream().anyMatch(s -> s.startsWith("ISO 2022"));
  }

  public String decode(byte[] b) {
    if (!isIso2022()) return new String(b, single(terms.get(0)));
    return decode2022(b);
  }

  /** Encodes text; Korean Hangul/Hanja is written as ISO 2022 IR 149 when that set is declared. */
  public byte[] encode(String s) {
    if (!isIso2022()) return s.getBytes(single(terms.get(0)));
    boolean korean = terms.contains("ISO 2022 IR 149");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    boolean g1 = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        if ("^=\\\r\n".indexOf(c) >= 0) g1 = false;
        out.write(c);
      } else if (korean) {
        if (!g1) {
          out.writeBytes(new byte[] {0x1b, '$', ')', 'C'});
          g1 = true;
        }
        out.writeBytes(String.valueOf(c).getBytes(EUC_KR));
      } else {
        out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.ISO_8859_1));
      }
    }
    return out.toByteArray();
  }

  private static Charset single(String term) {
    return switch (term) {
      case "", "ISO_IR 6", "ISO 2022 IR 6" -> StandardCharsets.ISO_8859_1; // ASCII; Latin-1 is a lenient superset
      case "ISO_IR 100" -> StandardCharsets.ISO_8859_1;
      case "ISO_IR 101" -> Charset.forName("ISO-8859-2");
      case "ISO_IR 109" -> Charset.forName("ISO-8859-3");
      case "ISO_IR 110" -> Charset.forName("ISO-8859-4");
      case "ISO_IR 144" -> Charset.forName("ISO-8859-5");
      case "ISO_IR 127" -> Charset.forName("ISO-8859-6");
      case "ISO_IR 126" -> Charset.forName("ISO-8859-7");
      case "ISO_IR 138" -> Charset.forName("ISO-8859-8");
      case "ISO_IR 148" -> Charset.forName("ISO-8859-9");
      case "ISO_IR 166" -> Charset.forName("x-IBM874");
      case "ISO_IR 13" -> Charset.forName("JIS_X0201");
      case "ISO_IR 192" -> StandardCharsets.UTF_8;
      case "GB18030", "GBK" -> Charset.forName("GB18030");
      default -> StandardCharsets.ISO_8859_1;
    };
  }

  /** Code elements that an escape sequence can designate. */
  private enum Element { ASCII, LATIN1, JIS_ROMAN, KATAKANA, JIS_X0208, JIS_X0212, KSX1001 }

  private String decode2022(byte[] b) {
    Element initial = terms.get(0).equals("ISO 2022 IR 13") || terms.get(0).equals("ISO_IR 13")
        ? Element.KATAKANA : terms.get(0).equals("ISO 2022 IR 100") ? Element.LATIN1 : Element.ASCII;
    StringBuilder sb = new StringBuilder();
    Element g0 = Element.ASCII;
    Element g1 = initial == Element.ASCII ? null : initial;
    int i = 0;
    while (i < b.length) {
      int c = b[i] & 0xFF;
      if (c == 0x1b) {
        int len = escape(b, i);
        Element e = designated(b, i, len);
        if (e != null) {
          if (isG1(b, i)) g1 = e;
          else g0 = e;
        }
        i += len;
        continue;
      }
      if (c < 0x80) {
        if ("^=\\\r\n".indexOf(c) >= 0) {
          g0 = Element.ASCII;
          g1 = initial == Element.ASCII ? null : initial;
          sb.append((char) c);
          i++;
        } else if (g0 == Element.JIS_X0208 && i + 1 < b.length) {
          sb.append(new String(new byte[] {(byte) (c | 0x80), (byte) (b[i + 1] | 0x80)}, EUC_JP));
          i += 2;
        } else {
          sb.append((char) c);
          i++;
        }
      } else if (g1 == Element.KSX1001 && i + 1 < b.length) {
        sb.append(new String(b, i, 2, EUC_KR));
        i += 2;
      } else if (g1 == Element.KATAKANA) {
        sb.append(c >= 0xA1 && c <= 0xDF ? (char) (0xFF61 + c - 0xA1) : '\uFFFD');
        i++;
      } else {
        sb.append((char) c); // ISO 8859-1 in G1
        i++;
      }
    }
    return sb.toString();
  }

  private static int escape(byte[] b, int i) {
    int j = i + 1;
    while (j < b.length && (b[j] & 0xF0) == 0x20) j++; // intermediate bytes
    return Math.min(b.length, j + 1) - i;
  }

  private static boolean isG1(byte[] b, int i) {
    for (int j = i + 1; j < Math.min(b.length, i + 4); j++) {
      if (b[j] == ')' || b[j] == '-') return true;
    }
    return false;
  }

  private static Element designated(byte[] b, int i, int len) {
    String seq = new String(b, i + 1, len - 1, StandardCharsets.US_ASCII);
    return switch (seq) {
      case "(B" -> Element.ASCII;
      case "(J" -> Element.JIS_ROMAN;
      case ")I" -> Element.KATAKANA;
      case "$B", "$@" -> Element.JIS_X0208;
      case "$(D" -> Element.JIS_X0212;
      case "$)C" -> Element.KSX1001;
      case "-A" -> Element.LATIN1;
      default -> null;
    };
  }
}
