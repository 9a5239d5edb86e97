package org.trainset.dicom.deid;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.trainset.core.io.InputException;

/**
 * The seed policy's new patient ids. A CSV with a header: {@code patient_id,new_id} gives the ids
 * directly; {@code patient_id,class} assigns them by class in sorted order of the original ids —
 * malignant 00001…, benign 10001…, normal 20001… (five digits, as in the medical family).
 */
public final class PatientIdMap {
  private static final Map<String, Integer> CLASS_BASE = Map.of("malignant", 1, "benign", 10001, "normal", 20001);
  private final Map<String, String> ids;

  private PatientIdMap(Map<String, String> ids) {
    this.ids = ids;
  }

  public static PatientIdMap of(Map<String, String> ids) {
    return new PatientIdMap(Map.copyOf(ids));
  }

  public Optional<String> newId(String originalId) {
    return Optional.ofNullable(ids.get(originalId.trim()));
  }

  public int size() {
    return ids.size();
  }

  public static PatientIdMap load(Path csv) throws IOException {
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    if (lines.isEmpty()) throw new InputException(csv, 1, 1, "deid.ids", "empty id map; expected a header");
    List<String> head = List.of(lines.get(0).replace("\uFEFF", "").trim().toLowerCase().split("\\s*,\\s*"));
    int src = head.indexOf("patient_id");
    int dst = head.indexOf("new_id");
    int cls = head.indexOf("class");
    if (src < 0 || (dst < 0 && cls < 0)) {
      throw new InputException(csv, 1, 1, "deid.ids", "header must have patient_id and new_id or class, found " + head);
    }
    Map<String, String> direct = new LinkedHashMap<>();
    TreeMap<String, String> classes = new TreeMap<>();
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) continue;
      String[] f = lines.get(i).split(",", -1);
      int need = Math.max(src, Math.max(dst, cls));
      if (f.length <= need) throw new InputException(csv, i + 1, 1, "deid.ids", "expected " + (need + 1) + " columns");
      String id = f[src].trim();
      if (direct.containsKey(id) || classes.containsKey(id)) {
        throw new InputException(csv, i + 1, src + 1, "deid.ids", "patient id listed twice: row " + (i + 1));
      }
      if (dst >= 0) {
        direct.put(id, f[dst].trim());
      } else {
        String c = f[cls].trim().toLowerCase();
        if (!CLASS_BASE.containsKey(c)) {
          throw new InputException(csv, i + 1, cls + 1, "deid.ids", "class must be malignant, benign or normal, found '" + c + "'");
        }
        classes.put(id, c);
      }
    }
    Map<String, Integer> next = new HashMap<>(CLASS_BASE);
    classes.forEach((id, c) -> direct.put(id, String.format("%05d", next.merge(c, 1, Integer::sum) - 1)));
    return new PatientIdMap(direct);
  }
}
