package org.trainset.formats.coco;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.core.io.InputException;
import org.trainset.core.io.ParseLimits;

/**
 * {@link ByteJsonInput#number()}'s one-pass fast path must give exactly the double
 * {@link Double#parseDouble} gives (compared bit for bit, -0.0 included) for random and edge
 * values, wherever they fall in the read buffer, and leave non-JSON numbers to the general path's
 * errors.
 */
class ByteJsonNumbersTest {
  @TempDir Path dir;

  private List<String> sample() {
    SplittableRandom r = new SplittableRandom(17);
    List<String> out = new ArrayList<>(List.of("0", "-0", "0.0", "-0.0", "1", "-1", "9007199254740991",
        "9007199254740992", "9007199254740993", "123456789012345678", "1234567890123456789", "0.1", "0.2", "0.3",
        "-0.000001", "0.000000000000000000001", "0.0000000000000000000001", "0.00000000000000000000001",
        "999999999999999999", "99999999999999999.9", "4.35", "374.56", "1e5", "1E-3", "-2.5e+10", "0.30000000000000004",
        "2.2250738585072014e-308", "1.7976931348623157e308", "640", "479.99"));
    for (int i = 0; i < 200_000; i++) {
      int kind = r.nextInt(5);
      String s;
      if (kind == 0) { // COCO-style coordinates: up to 4 integer and 1-6 fraction digits
        s = r.nextInt(10_000) + "." + String.format("%0" + (1 + r.nextInt(6)) + "d", r.nextInt(1_000_000) % pow(1 + r.nextInt(6)));
      } else if (kind == 1) {
        s = Long.toString(r.nextLong(1L << 60));
      } else if (kind == 2) {
        s = Double.toString(r.nextDouble() * Math.pow(10, r.nextInt(30) - 15)).replace("E", "e");
      } else if (kind == 3) { // long fraction runs around the 2^53 and 18-digit limits
        StringBuilder b = new StringBuilder().append(r.nextInt(100)).append('.');
        int n = 10 + r.nextInt(12);
        for (int k = 0; k < n; k++) b.append((char) ('0' + r.nextInt(10)));
        s = b.toString();
      } else {
        s = "0." + "0".repeat(r.nextInt(25)) + (1 + r.nextInt(999_999));
      }
      out.add(r.nextBoolean() ? "-" + s : s);
    }
    return out;
  }

  private static int pow(int k) {
    int p = 1;
    for (int i = 0; i < k; i++) p *= 10;
    return p;
  }

  @Test void fastPathMatchesParseDoubleBitForBit() throws IOException {
    List<String> values = sample();
    // one array of all values with varying separators, so numbers straddle buffer refills
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) json.append(i % 7 == 0 ? ",\n " : i % 5 == 0 ? " , " : ",");
      json.append(values.get(i));
    }
    json.append("]");
    Path f = Files.writeString(dir.resolve("n.json"), json);
    try (ByteJsonInput in = new ByteJsonInput(f, ParseLimits.DEFAULT, new Region(0, 1, 1))) {
      in.expect('[', "to open");
      for (int i = 0; i < values.size(); i++) {
        double got = in.number();
        double want = Double.parseDouble(values.get(i));
        assertEquals(Double.doubleToRawLongBits(want), Double.doubleToRawLongBits(got), values.get(i));
        int c = in.nextNonWs();
        assertEquals(i + 1 < values.size() ? ',' : ']', c);
      }
    }
  }

  @Test void nonJsonNumbersAreStillErrors() throws IOException {
    for (String bad : List.of("01", "1.", "-", ".5", "1.5x", "--1", "1e", "NaN", "0x10", "-01.5")) {
      Path f = Files.write(dir.resolve("bad.json"), ("[" + bad + ", 1]").getBytes(StandardCharsets.US_ASCII));
      try (ByteJsonInput in = new ByteJsonInput(f, ParseLimits.DEFAULT, new Region(0, 1, 1))) {
        in.expect('[', "to open");
        InputException e = assertThrows(InputException.class, in::number, bad);
        assertTrue(e.getMessage().contains("n.json") || e.getMessage().contains("bad.json"), e.getMessage());
      }
    }
  }
}
