package org.trainset.dicom.deid;

import java.nio.charset.StandardCharsets;
import org.trainset.dicom.io.Vr;

/** Replacement values for action D: valid for the VR, carrying no information. */
final class DummyValues {
  private DummyValues() {}

  static byte[] of(Vr vr, int originalLength) {
    String s = switch (vr) {
      case PN -> "ANONYMIZED";
      case DA -> "19000101";
      case TM -> "000000";
      case DT -> "19000101000000";
      case AS -> "000Y";
      case DS, IS -> "0";
      case AE, CS, LO, SH, LT, ST, UC, UT, UR -> "ANONYMIZED"; // for UR a relative reference
      default -> null;
    };
    if (s != null) return s.getBytes(StandardCharsets.US_ASCII);
    int unit = Math.max(1, vr.swapUnit());
    return new byte[Math.max(unit, originalLength - originalLength % unit)]; // zeros of the same shape
  }
}
