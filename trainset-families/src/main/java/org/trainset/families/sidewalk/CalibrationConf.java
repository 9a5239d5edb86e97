package org.trainset.families.sidewalk;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.trainset.core.io.InputException;

/**
 * The stereo camera's calibration file: INI sections ({@code [LEFT_CAM_FHD]}, {@code [STEREO]})
 * of {@code key=value} lines, as the ZED cameras write them; numbers become numbers.
 */
final class CalibrationConf {
  private CalibrationConf() {}

  static Map<String, Object> read(Path file) throws IOException {
    Map<String, Object> out = new LinkedHashMap<>();
    Map<String, Object> section = null;
    try (BufferedReader r = org.trainset.core.io.TextFiles.newReader(file)) {
      String line;
      long n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        String t = line.strip();
        if (t.isEmpty() || t.startsWith("#") || t.startsWith(";")) continue;
        if (t.startsWith("[") && t.endsWith("]")) {
          section = new LinkedHashMap<>();
          out.put(t.substring(1, t.length() - 1), section);
          continue;
        }
        int eq = t.indexOf('=');
        if (eq <= 0 || section == null) {
          throw new InputException(file, n, 1, "sidewalk-conf",
              section == null ? "a value before any [SECTION]" : "expected key=value, found '" + t + "'");
        }
        String v = t.substring(eq + 1).strip();
        Object value;
        try {
          value = v.matches("-?\\d+") ? (Object) Long.parseLong(v) : (Object) Double.parseDouble(v);
        } catch (NumberFormatException e) {
          value = v;
        }
        section.put(t.substring(0, eq).strip(), value);
      }
    }
    return out;
  }
}
