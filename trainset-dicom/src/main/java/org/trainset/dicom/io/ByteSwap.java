package org.trainset.dicom.io;

/** Reverses the bytes of each {@code unit}-byte number in place (big ↔ little endian). */
final class ByteSwap {
  private ByteSwap() {}

  static void swap(byte[] b, int unit) {
    if (unit <= 1) return;
    for (int i = 0; i + unit <= b.length; i += unit) {
      for (int a = i, z = i + unit - 1; a < z; a++, z--) {
        byte t = b[a];
        b[a] = b[z];
        b[z] = t;
      }
    }
  }
}
