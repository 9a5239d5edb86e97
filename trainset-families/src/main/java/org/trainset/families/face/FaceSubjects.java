package org.trainset.families.face;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.trainset.core.io.DatasetFolder;
import org.trainset.core.io.InputException;

/**
 * The optional subject sheet {@code subjects.csv} at the root: {@code person,gender,age_group}
 * (plain cells), one row per person, joined to every image of that person as item attributes
 * {@code gender} and {@code age_group} (empty cells left out). The seed says subjects were recruited
 * balancing gender and age group; the release's own form of this list is not public, so the file
 * name and columns are trainset's (docs/formats/aihub.face.md).
 */
final class FaceSubjects {
  static final String FILE = "subjects.csv";
  static final List<String> COLUMNS = List.of("gender", "age_group");

  private FaceSubjects() {}

  /** The attributes of {@code person}, or none when the sheet or the row is absent. */
  static Map<String, Object> of(Path base, String person) throws IOException {
    Path file = base.resolve(FILE);
    if (!DatasetFolder.present(file)) return Map.of(); // no sheet: no subject attributes
    try (BufferedReader r = org.trainset.core.io.TextFiles.newReader(file)) {
      String header = r.readLine();
      if (header == null || !header.replace("\uFEFF", "").strip().equals("person,gender,age_group")) {
        throw new InputException(file, 1, 1, "face-subjects", "the header must be person,gender,age_group");
      }
      String line;
      long n = 1;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank()) continue;
        String[] c = line.split(",", -1);
        if (c.length != 3) throw new InputException(file, n, 1, "face-subjects", "expected 3 cells, found " + c.length);
        if (!c[0].strip().equals(person)) continue;
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < 2; i++) if (!c[i + 1].isBlank()) out.put(COLUMNS.get(i), c[i + 1].strip());
        return out;
      }
    }
    return Map.of();
  }

  /** Writes the sheet for {@code subjects} (person → gender, age_group). */
  static void write(Path file, Map<String, String[]> subjects) throws IOException {
    StringBuilder s = new StringBuilder("person,gender,age_group\n");
    for (Map.Entry<String, String[]> e : new TreeMap<>(subjects).entrySet()) {
      s.append(e.getKey()).append(',').append(e.getValue()[0]).append(',').append(e.getValue()[1]).append('\n');
    }
    Files.writeString(file, s.toString(), StandardCharsets.UTF_8);
  }
}
