package org.trainset.dicom.medical;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.trainset.dicom.io.DicomElement;
import org.trainset.dicom.io.DicomFile;
import org.trainset.dicom.io.DicomObject;
import org.trainset.dicom.io.Tags;
import org.trainset.dicom.io.TransferSyntax;
import org.trainset.dicom.io.Uids;
import org.trainset.dicom.io.Vr;

/**
 * One synthetic mammography view: a real Digital Mammography (For Presentation) DICOM object with
 * a breast-shaped 12-bit image, a brighter lesion where the case has one, and synthetic PHI in
 * Korean (ISO 2022 IR 149), so the family and de-identification have realistic input.
 */
final class SyntheticMammogram {
  static final int ROWS = 96;
  static final int COLS = 64;
  private static final String SOP_CLASS = "1.2.840.10008.5.1.4.1.1.1.2";

  record Patient(String id, String name, String birthDate, String studyDate, String device, String model, String serial) {}

  private SyntheticMammogram() {}

  static DicomFile build(Patient p, String view, double[] lesion, long seed) {
    DicomObject ds = new DicomObject();
    ds.putString(Tags.SPECIFIC_CHARACTER_SET, Vr.CS, "\\ISO 2022 IR 149");
    ds.putString(0x00080008, Vr.CS, "ORIGINAL\\PRIMARY");
    ds.putString(Tags.SOP_CLASS_UID, Vr.UI, SOP_CLASS);
    ds.putString(Tags.SOP_INSTANCE_UID, Vr.UI, Uids.fromName("sample:" + seed + ":" + p.id() + ":" + view));
    ds.putString(0x00080020, Vr.DA, p.studyDate());
    ds.putString(0x00080030, Vr.TM, "093000");
    ds.putString(0x00080050, Vr.SH, "ACC" + p.id());
    ds.putString(0x00080060, Vr.CS, "MG");
    ds.putString(0x00080070, Vr.LO, p.device());
    ds.putString(0x00080080, Vr.LO, "한국가상병원");
    ds.putString(0x00080090, Vr.PN, "Lee^Doctor=이^의사");
    ds.putString(0x00081090, Vr.LO, p.model());
    ds.putString(Tags.PATIENT_NAME, Vr.PN, p.name());
    ds.putString(Tags.PATIENT_ID, Vr.LO, p.id());
    ds.putString(Tags.PATIENT_BIRTH_DATE, Vr.DA, p.birthDate());
    ds.putString(0x00100040, Vr.CS, "F");
    ds.putString(0x00181000, Vr.LO, p.serial());
    ds.putString(0x00185101, Vr.CS, view.substring(1));
    ds.putString(0x0020000D, Vr.UI, Uids.fromName("sample:" + seed + ":" + p.id() + ":study"));
    ds.putString(0x0020000E, Vr.UI, Uids.fromName("sample:" + seed + ":" + p.id() + ":series"));
    ds.putString(0x00200010, Vr.SH, "1");
    ds.putString(0x00200060, Vr.CS, view.substring(0, 1));
    ds.putString(0x00200062, Vr.CS, view.substring(0, 1));
    ds.putUShort(Tags.SAMPLES_PER_PIXEL, 1);
    ds.putString(Tags.PHOTOMETRIC_INTERPRETATION, Vr.CS, "MONOCHROME2");
    ds.putUShort(Tags.ROWS, ROWS);
    ds.putUShort(Tags.COLUMNS, COLS);
    ds.putUShort(Tags.BITS_ALLOCATED, 16);
    ds.putUShort(Tags.BITS_STORED, 12);
    ds.putUShort(0x00280102, 11);
    ds.putUShort(Tags.PIXEL_REPRESENTATION, 0);
    ds.putString(Tags.WINDOW_CENTER, Vr.DS, "2048");
    ds.putString(Tags.WINDOW_WIDTH, Vr.DS, "4096");
    ds.putString(0x00280300 + 0x01, Vr.CS, "NO"); // Burned In Annotation (0028,0301)
    ds.put(DicomElement.of(Tags.PIXEL_DATA, Vr.OW, pixels(view, lesion)));
    DicomObject meta = new DicomObject();
    return new DicomFile(null, null, meta, ds, TransferSyntax.EXPLICIT_LE);
  }

  /** A half-ellipse breast against the chest wall (left edge for R views, right for L) and a lesion disk. */
  private static byte[] pixels(String view, double[] lesion) {
    ByteBuffer bb = ByteBuffer.allocate(ROWS * COLS * 2).order(ByteOrder.LITTLE_ENDIAN);
    boolean right = view.startsWith("R");
    double cx = lesion == null ? -1 : centroid(lesion, 0);
    double cy = lesion == null ? -1 : centroid(lesion, 1);
    for (int y = 0; y < ROWS; y++) {
      for (int x = 0; x < COLS; x++) {
        double dx = (right ? x : COLS - 1 - x) / (double) COLS;
        double dy = (y - ROWS / 2.0) / (ROWS / 2.0);
        double r = dx * dx + dy * dy * 0.8;
        int v = r < 0.8 ? (int) (3000 - 1800 * r) + ((x * 7 + y * 13) % 40) : 80;
        if (lesion != null && Math.hypot(x - cx, y - cy) < 6) v = 3900;
        bb.putShort((short) v);
      }
    }
    return bb.array();
  }

  private static double centroid(double[] pts, int axis) {
    double s = 0;
    for (int i = axis; i < pts.length; i += 2) s += pts[i];
    return s / (pts.length / 2.0);
  }
}
