package org.trainset.formats.cvat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast path must give exactly the double Double.parseDouble gives. */
class FastNumbersTest {
  static void same(String s) {
    assertEquals(Double.doubleToRawLongBits(Double.parseDouble(s)),
        Double.doubleToRawLongBits(FastNumbers.parse(s, 0, s.length())), s);
  }

  @Test
  void agreesWithParseDoubleOnRandomCoordinates() {
    Random rnd = new Random(7);
    for (int i = 0; i < 40_000; i++) {
      double d = (rnd.nextDouble() - 0.3) * Math.pow(10, rnd.nextInt(8));
      same(String.format(Locale.ROOT, "%." + rnd.nextInt(18) + "f", d));
      same(Double.toString(d));
      same(Long.toString(rnd.nextLong() >> rnd.nextInt(63)));
    }
  }

  @Test
  void edgeCases() {
    for (String s : new String[] {"0", "-0", "+1", "1.", ".5", "-.5", "144.90040100000004", "758.5959809999999",
        "1e3", "1.5E-7", " 2.5 ", "00012.50", "9007199254740993", "0.1234567890123456789012345", "Infinity", "NaN"}) {
      same(s);
    }
    for (String bad : new String[] {"", "-", ".", "1..2", "1,5", "abc", "1-2"}) {
      assertThrows(NumberFormatException.class, () -> FastNumbers.parse(bad, 0, bad.length()), bad);
    }
  }
}
