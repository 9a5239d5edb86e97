package org.trainset.dicom.io;

/**
 * DICOM value representations (PS3.5 6.2). Knows which VRs use the long (4-byte) length form in
 * explicit VR, how values are padded to even length, and the unit size used for byte swapping
 * between little and big endian.
 */
public enum Vr {
  AE, AS, AT, CS, DA, DS, DT, FD, FL, IS, LO, LT, OB, OD, OF, OL, OV, OW, PN, SH, SL, SQ, SS, ST,
  SV, TM, UC, UI, UL, UN, UR, US, UT, UV;

  /** Explicit VR with a 2-byte reserved field and 4-byte length. */
  public boolean longLength() {
    return switch (this) {
      case OB, OD, OF, OL, OV, OW, SQ, SV, UC, UN, UR, UT, UV -> true;
      default -> false;
    };
  }

  /** Character string VRs, padded with a space (UI with NUL). */
  public boolean isString() {
    return switch (this) {
      case AE, AS, CS, DA, DS, DT, IS, LO, LT, PN, SH, ST, TM, UC, UI, UR, UT -> true;
      default -> false;
    };
  }

  /** VRs whose text goes through Specific Character Set (others are plain ASCII). */
  public boolean usesCharacterSet() {
    return switch (this) {
      case LO, LT, PN, SH, ST, UC, UT -> true;
      default -> false;
    };
  }

  public byte padding() {
    return isString() && this != UI ? (byte) ' ' : 0;
  }

  /** Size of one binary number, for byte swapping; 1 when the value is bytes or text. */
  public int swapUnit() {
    return switch (this) {
      case US, SS, OW, AT -> 2;
      case UL, SL, FL, OF, OL -> 4;
      case FD, OD, SV, UV, OV -> 8;
      default -> 1;
    };
  }

  /** The VR named by two ASCII bytes, or null when they name none. */
  public static Vr of(int b0, int b1) {
    if (b0 < 'A' || b0 > 'Z' || b1 < 'A' || b1 > 'Z') return null;
    try {
      return valueOf(new String(new char[] {(char) b0, (char) b1}));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
