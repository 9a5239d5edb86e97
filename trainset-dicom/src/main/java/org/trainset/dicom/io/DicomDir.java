package org.trainset.dicom.io;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.trainset.core.io.InputException;

/**
 * DICOMDIR (PS3.10 Media Storage Directory, PS3.3 F.3): its directory records point at each other
 * by byte offsets from the start of the file, so any change to the bytes before or inside the
 * Directory Record Sequence (a shorter meta group, an emptied name) breaks them.
 * {@link #relink} rewrites every offset of a changed copy so that it points at the same record
 * in the file as it will be written.
 */
public final class DicomDir {
  public static final String MEDIA_STORAGE_DIRECTORY = "1.2.840.10008.1.3.10";
  public static final int ROOT_FIRST = 0x00041200;
  public static final int ROOT_LAST = 0x00041202;
  public static final int RECORD_SEQUENCE = 0x00041220;
  public static final int NEXT = 0x00041400;
  public static final int IN_USE = 0x00041410;
  public static final int LOWER = 0x00041420;
  public static final int RECORD_TYPE = 0x00041430;
  public static final int REFERENCED_FILE_ID = 0x00041500;
  private static final int[] OFFSETS_IN_RECORD = {NEXT, LOWER};

  private DicomDir() {}

  /** True for a DICOMDIR: its meta says Media Storage Directory, or it has a Directory Record Sequence. */
  public static boolean isDirectory(DicomFile f) {
    return f.meta().string(Tags.MEDIA_STORAGE_SOP_CLASS_UID).map(MEDIA_STORAGE_DIRECTORY::equals).orElse(false)
        || f.dataset().contains(RECORD_SEQUENCE);
  }

  /**
   * Rewrites the offsets of {@code changed} (a copy of {@code original} with the same records in
   * the same order) for the file as {@link DicomWriter} will write it. Offsets of 0 stay 0 (no
   * record); an offset that points at no record of the original is an input error.
   */
  public static DicomFile relink(DicomFile original, DicomFile changed) throws IOException {
    List<DicomObject> before = original.dataset().items(RECORD_SEQUENCE);
    List<DicomObject> after = changed.dataset().items(RECORD_SEQUENCE);
    if (before.size() != after.size()) {
      throw new IllegalStateException("directory records were added or removed: " + before.size() + " -> " + after.size());
    }
    Map<Long, Integer> recordAt = new HashMap<>();
    for (int i = 0; i < before.size(); i++) {
      if (before.get(i).sourceOffset() < 0) throw new InputException(original.source(), "dicom.dicomdir",
          "directory record " + (i + 1) + " has no file position (a deflated DICOMDIR cannot be relinked)");
      recordAt.put(before.get(i).sourceOffset(), i);
    }
    // 1: offsets become record numbers (+1, so 0 still means none), written as fixed-size UL
    Map<Integer, Integer> rootTargets = new HashMap<>();
    for (int tag : new int[] {ROOT_FIRST, ROOT_LAST}) {
      rootTargets.put(tag, target(original, original.dataset(), tag, recordAt, "the root directory"));
      changed.dataset().put(ul(tag, 0));
    }
    int[][] targets = new int[after.size()][OFFSETS_IN_RECORD.length];
    for (int i = 0; i < after.size(); i++) {
      for (int k = 0; k < OFFSETS_IN_RECORD.length; k++) {
        int tag = OFFSETS_IN_RECORD[k];
        targets[i][k] = target(original, before.get(i), tag, recordAt, "directory record " + (i + 1));
        after.get(i).put(ul(tag, 0));
      }
    }
    // 2: where each record will start; the UL values keep their size, so the layout is final
    Map<DicomObject, Long> at = DicomWriter.itemOffsets(changed, changed.transferSyntax());
    for (Map.Entry<Integer, Integer> r : rootTargets.entrySet()) {
      changed.dataset().put(ul(r.getKey(), r.getValue() == 0 ? 0 : at.get(after.get(r.getValue() - 1))));
    }
    for (int i = 0; i < after.size(); i++) {
      for (int k = 0; k < OFFSETS_IN_RECORD.length; k++) {
        int t = targets[i][k];
        after.get(i).put(ul(OFFSETS_IN_RECORD[k], t == 0 ? 0 : at.get(after.get(t - 1))));
      }
    }
    return changed;
  }

  /** The record (1-based, 0 = none) the offset in {@code tag} of {@code owner} points at. */
  private static int target(DicomFile original, DicomObject owner, int tag, Map<Long, Integer> recordAt, String where)
      throws InputException {
    DicomElement e = owner.get(tag).orElse(null);
    if (e == null || e.length() < 4) return 0;
    byte[] b = e.bytes(); // UL as read (any VR a lenient writer used): four little-endian bytes
    long offset = (b[0] & 0xFFL) | (b[1] & 0xFFL) << 8 | (b[2] & 0xFFL) << 16 | (b[3] & 0xFFL) << 24;
    if (offset == 0) return 0;
    Integer i = recordAt.get(offset);
    if (i == null) {
      throw new InputException(original.source(), "dicom.dicomdir", where + ": " + Tags.format(tag) + " = " + offset
          + " points at no directory record");
    }
    return i + 1;
  }

  private static DicomElement ul(int tag, long value) {
    return DicomElement.of(tag, Vr.UL, DicomWriter.le32(value));
  }
}
