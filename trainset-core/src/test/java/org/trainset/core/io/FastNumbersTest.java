package org.trainset.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Both grammars' fast path agrees bit for bit with Double.parseDouble (COCO JSON and CVAT XML numbers). */
class FastNumbersTest {
  private static void check(String s) {
    assertEquals(Double.doubleToRawLongBits(Double.parseDouble(s)),
        Double.doubleToRawLongBits(FastNumbers.parseJson(s.getBytes(), s.length())), s);
  }

  @Test
  void jsonRefusesWhatIsNotAJsonNumber() {
    for (String s : new String[] {"NaN", "Infinity", "-", "01", "1.", ".5", "1e", "1x", "", "--1"}) {
      assertTrue(Double.isNaN(FastNumbers.parseJson(s.getBytes(), s.length())), s);
    }
  }

  @Test
  void jsonAgreesWithParseDoubleOnCocoLikeAndHardValues() {
    for (String s : new String[] {"0", "-0", "0.0", "-0.0", "1", "640", "123.45", "0.000123", "-17.5",
        "9007199254740993", "1e5", "1.5E-3", "123456789012345678901234", "0.1", "0.30000000000000004",
        "3.141592653589793", "1.7976931348623157e308", "4.9e-324", "12345678901234567.5"}) {
      check(s);
    }
    SplittableRandom r = new SplittableRandom(7);
    for (int i = 0; i < 200_000; i++) {
      double v = r.nextDouble() * Math.pow(10, r.nextInt(8));
      String s = switch (i % 4) {
        case 0 -> Double.toString(v);
        case 1 -> String.format(Locale.ROOT, "%.2f", v);
        case 2 -> String.format(Locale.ROOT, "%.6f", -v);
        default -> Long.toString(r.nextLong(1L << 40));
      };
      check(s);
    }
  }

  static void same(String s) {
    assertEquals(Double.doubleToRawLongBits(Double.parseDouble(s)),
        Double.doubleToRawLongBits(FastNumbers.parseDecimal(s, 0, s.length())), s);
  }

  @Test
  void decimalAgreesWithParseDoubleOnRandomCoordinates() {
    Random rnd = new Random(7);
    for (int i = 0; i < 40_000; i++) {
      double d = (rnd.nextDouble() - 0.3) * Math.pow(10, rnd.nextInt(8));
      same(String.format(Locale.ROOT, "%." + rnd.nextInt(18) + "f", d));
      same(Double.toString(d));
      same(Long.toString(rnd.nextLong() >> rnd.nextInt(63)));
    }
  }

  @Test
  void decimalEdgeCases() {
    for (String s : new String[] {"0", "-0", "+1", "1.", ".5", "-.5", "144.90040100000004", "758.5959809999999",
        "1e3", "1.5E-7", " 2.5 ", "00012.50", "9007199254740993", "0.1234567890123456789012345", "Infinity", "NaN"}) {
      same(s);
    }
    for (String bad : new String[] {"", "-", ".", "1..2", "1,5", "abc", "1-2"}) {
      assertThrows(NumberFormatException.class, () -> FastNumbers.parseDecimal(bad, 0, bad.length()), bad);
    }
  }
}
