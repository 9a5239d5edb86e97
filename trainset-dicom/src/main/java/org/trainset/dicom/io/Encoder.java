package org.trainset.dicom.io;

import java.io.IOException;
import java.io.OutputStream;

/** Encodes elements in one byte order and VR mode; see {@link DicomWriter}. */
final class Encoder {
  private static final long UNDEFINED = 0xFFFFFFFFL;
  private final OutputStream out;
  private final boolean explicit;
  private final boolean bigEndian;
  private ItemListener items;

  /** Told where each sequence item starts, as a count of bytes written by this encoder. */
  interface ItemListener {
    void item(DicomObject item, long position);
  }

  Encoder(OutputStream out, boolean explicit, boolean bigEndian) {
    this.out = out;
    this.explicit = explicit;
    this.bigEndian = bigEndian;
  }

  /** An encoder that counts what it writes and reports item positions (offset {@code base} added). */
  static Encoder counting(OutputStream out, boolean explicit, boolean bigEndian, long base, ItemListener listener) {
    long[] count = {base};
    OutputStream counted = new java.io.FilterOutputStream(out) {
      @Override public void write(int b) throws IOException {
        out.write(b);
        count[0]++;
      }

      @Override public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        count[0] += len;
      }
    };
    Encoder e = new Encoder(counted, explicit, bigEndian);
    e.items = (item, ignored) -> listener.item(item, count[0]);
    return e;
  }

  void dataset(DicomObject o, boolean top) throws IOException {
    for (DicomElement e : o.elements()) {
      if (Tags.element(e.tag()) == 0) continue; // group lengths are optional and go stale: drop them
      if (top && Tags.group(e.tag()) == 2) continue; // meta elements belong in the meta group only
      element(e);
    }
  }

  void element(DicomElement e) throws IOException {
    int tag = e.tag();
    if (e.isSequence()) {
      header(tag, Vr.SQ, UNDEFINED);
      for (DicomObject item : e.items()) {
        if (items != null) items.item(item, -1);
        tag(Tags.ITEM);
        u32(UNDEFINED);
        dataset(item, false);
        tag(Tags.ITEM_DELIMITATION);
        u32(0);
      }
      tag(Tags.SEQUENCE_DELIMITATION);
      u32(0);
      return;
    }
    if (e.isEncapsulated()) {
      header(tag, e.vr() == Vr.OW ? Vr.OW : Vr.OB, UNDEFINED);
      for (byte[] f : e.fragments()) {
        tag(Tags.ITEM);
        u32(f.length + (f.length & 1));
        out.write(f);
        if ((f.length & 1) == 1) out.write(0);
      }
      tag(Tags.SEQUENCE_DELIMITATION);
      u32(0);
      return;
    }
    long len = e.length();
    long padded = len + (len & 1);
    Vr vr = e.vr();
    if (explicit && !vr.longLength() && padded > 0xFFFF) vr = Vr.UN; // too long for a 2-byte length
    header(tag, vr, padded);
    if (e.isBulk() && (!bigEndian || vr.swapUnit() == 1)) {
      e.bulkValue().copyTo(out);
    } else {
      byte[] v = e.bytes();
      if (bigEndian && v.length > 0) {
        v = v.clone();
        ByteSwap.swap(v, e.vr().swapUnit());
      }
      out.write(v);
    }
    if (padded != len) out.write(e.vr().padding());
  }

  private void header(int tag, Vr vr, long length) throws IOException {
    tag(tag);
    if (explicit) {
      out.write(vr.name().charAt(0));
      out.write(vr.name().charAt(1));
      if (vr.longLength()) {
        out.write(0);
        out.write(0);
        u32(length);
      } else {
        u16((int) length);
      }
    } else {
      u32(length);
    }
  }

  private void tag(int tag) throws IOException {
    u16(tag >>> 16);
    u16(tag & 0xFFFF);
  }

  private void u16(int v) throws IOException {
    if (bigEndian) {
      out.write(v >> 8);
      out.write(v);
    } else {
      out.write(v);
      out.write(v >> 8);
    }
  }

  private void u32(long v) throws IOException {
    if (bigEndian) {
      u16((int) (v >>> 16) & 0xFFFF);
      u16((int) v & 0xFFFF);
    } else {
      u16((int) v & 0xFFFF);
      u16((int) (v >>> 16) & 0xFFFF);
    }
  }
}
