package org.trainset.formats.coco;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The fast decimal path agrees bit for bit with Double.parseDouble. */
class FastNumbersTest {
  private static void check(String s) {
    assertEquals(Double.doubleToRawLongBits(Double.parseDouble(s)),
        Double.doubleToRawLongBits(FastNumbers.parse(s.getBytes(), s.length())), s);
  }

  @Test
  void refusesWhatIsNotAJsonNumber() {
    for (String s : new String[] {"NaN", "Infinity", "-", "01", "1.", ".5", "1e", "1x", "", "--1"}) {
      assertTrue(Double.isNaN(FastNumbers.parse(s.getBytes(), s.length())), s);
    }
  }

  @Test
  void agreesWithParseDoubleOnCocoLikeAndHardValues() {
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
        case 1 -> String.format("%.2f", v);
        case 2 -> String.format("%.6f", -v);
        default -> Long.toString(r.nextLong(1L << 40));
      };
      check(s);
    }
  }
}
