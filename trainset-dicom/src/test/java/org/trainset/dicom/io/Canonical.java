package org.trainset.dicom.io;

import java.util.HexFormat;

/** A canonical text form of a data set, for comparing what two reads hold. */
final class Canonical {
  private Canonical() {}

  static String of(DicomObject o) {
    return of(o, true);
  }

  /** Without VRs: implicit VR output cannot keep the VR of elements the dictionary does not know. */
  static String of(DicomObject o, boolean withVr) {
    StringBuilder sb = new StringBuilder();
    append(o, sb, "", withVr);
    return sb.toString();
  }

  private static void append(DicomObject o, StringBuilder sb, String indent, boolean withVr) {
    for (DicomElement e : o.elements()) {
      if (Tags.element(e.tag()) == 0) continue;
      sb.append(indent).append(Tags.format(e.tag())).append(' ');
      if (e.isSequence()) {
        sb.append("SQ ").append(e.items().size()).append('\n');
        for (DicomObject i : e.items()) {
          sb.append(indent).append(" item\n");
          append(i, sb, indent + "  ", withVr);
        }
      } else if (e.isEncapsulated()) {
        sb.append("fragments");
        for (byte[] f : e.fragments()) sb.append(' ').append(Integer.toHexString(java.util.Arrays.hashCode(f)));
        sb.append('\n');
      } else {
        byte[] b = e.bytes();
        int n = b.length;
        if ((n & 1) == 1) n++; // the writer pads odd values; compare padded
        byte[] p = java.util.Arrays.copyOf(b, n);
        if (n != b.length) p[n - 1] = e.vr().padding();
        sb.append(withVr ? e.vr().name() : "").append(' ')
            .append(p.length > 64 ? Integer.toHexString(java.util.Arrays.hashCode(p)) + "/" + p.length : HexFormat.of().formatHex(p))
            .append('\n');
      }
    }
  }
}
