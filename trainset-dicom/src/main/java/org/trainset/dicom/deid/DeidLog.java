package org.trainset.dicom.deid;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What de-identification did to one file: (tag path, keyword, action), never a value. */
public final class DeidLog {
  /** One change; {@code path} is like {@code (0008,1115)[0].(0020,000e)}. */
  public record Change(String path, String keyword, String action) {}

  private final String file;
  private final List<Change> changes = new ArrayList<>();

  public DeidLog(String file) {
    this.file = file;
  }

  public String file() { return file; }
  public List<Change> changes() { return changes; }

  void add(String path, String keyword, String action) {
    changes.add(new Change(path, keyword, action));
  }

  /** Count of changes per action. */
  public Map<String, Integer> counts() {
    Map<String, Integer> m = new TreeMap<>();
    for (Change c : changes) m.merge(c.action(), 1, Integer::sum);
    return m;
  }
}
