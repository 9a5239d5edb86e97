package org.trainset.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.function.Predicate;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Checks a zip container (an xlsx workbook) before a library streams it: {@link ZipFile} never
 * verifies an entry's CRC and trusts its declared size, so damaged data can read as valid cells
 * and a size field can promise gigabytes. One pass inflates every entry (bounded buffer) and
 * fails with the file, the entry and the limit: a declared or actual uncompressed size over
 * {@link ParseLimits#maxFileSize()}, a size that differs from the declared one, a CRC mismatch,
 * and — in entries {@code textEntries} selects, such as an xlsx's {@code xl/sharedStrings.xml} —
 * a text run (characters between two tags) longer than {@link ParseLimits#maxStringLength()}.
 */
public final class ZipIntegrity {
  private ZipIntegrity() {}

  public static void check(Path zip, ParseLimits limits, Predicate<String> textEntries) throws IOException {
    try (ZipFile z = new ZipFile(zip.toFile())) {
      byte[] buf = new byte[1 << 16];
      for (Enumeration<? extends ZipEntry> en = z.entries(); en.hasMoreElements(); ) {
        ZipEntry e = en.nextElement();
        if (e.isDirectory()) continue;
        String name = shortName(e.getName());
        if (e.getSize() > limits.maxFileSize()) {
          throw new InputException(zip, "max-file-size", "entry '" + name + "' declares " + e.getSize()
              + " bytes uncompressed, over the limit of " + limits.maxFileSize());
        }
        boolean text = textEntries.test(e.getName());
        CRC32 crc = new CRC32();
        long total = 0;
        long run = 0;
        try (InputStream in = z.getInputStream(e)) {
          for (int n = in.read(buf); n > 0; n = in.read(buf)) {
            crc.update(buf, 0, n);
            total += n;
            if (total > limits.maxFileSize()) {
              throw new InputException(zip, "max-file-size", "entry '" + name + "' inflates to over "
                  + limits.maxFileSize() + " bytes, the limit");
            }
            if (text) run = longestRun(buf, n, run, zip, name, limits.maxStringLength());
          }
        } catch (ZipException ex) {
          throw new InputException(zip, -1, -1, null, "zip-damaged", "entry '" + name + "': " + ex.getMessage(), ex);
        }
        if (e.getSize() >= 0 && total != e.getSize()) {
          throw new InputException(zip, "zip-entry-size", "entry '" + name + "' holds " + total
              + " bytes but declares " + e.getSize() + " bytes (damaged)");
        }
        if (e.getCrc() >= 0 && crc.getValue() != e.getCrc()) {
          throw new InputException(zip, "zip-crc", "entry '" + name + "' fails its CRC check (damaged data)");
        }
      }
    } catch (ZipException e) {
      throw new InputException(zip, -1, -1, null, "zip-damaged", "not a readable zip container: " + e.getMessage(), e);
    }
  }

  /**
   * Continues counting the characters of the current text run (UTF-8 lead bytes since the last
   * '>' not yet closed by '<'; a character reference such as {@code &#xd68c;} counts as one);
   * returns the state carried into the next buffer: the run length, negated while inside a reference.
   */
  private static long longestRun(byte[] b, int n, long state, Path zip, String entry, int max) throws InputException {
    boolean inRef = state < 0;
    long run = Math.abs(state);
    for (int i = 0; i < n; i++) {
      byte c = b[i];
      if (c == '<' || c == '>') {
        run = 0;
        inRef = false;
      } else if (inRef) {
        if (c == ';') inRef = false;
      } else if ((c & 0xC0) != 0x80) {
        if (c == '&') inRef = true;
        if (++run > max) {
          throw new InputException(zip, "max-string-length", "entry '" + entry + "' holds a string longer than the limit of "
              + max + " characters");
        }
      }
    }
    return inRef ? -Math.max(run, 1) : run;
  }

  private static String shortName(String name) {
    return name.length() > 100 ? name.substring(0, 100) + "…" : name;
  }
}
