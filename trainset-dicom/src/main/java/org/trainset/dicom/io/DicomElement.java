package org.trainset.dicom.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * One data element. Exactly one of: a value (bytes, always little endian in memory whatever the
 * transfer syntax), items (SQ), fragments (encapsulated pixel data: offset table first, each
 * fragment kept byte for byte), or a {@link BulkValue} (a large value left in the source file).
 */
public final class DicomElement {
  private final int tag;
  private final Vr vr;
  private byte[] value;
  private final List<DicomObject> items;
  private final List<byte[]> fragments;
  private final BulkValue bulk;

  private DicomElement(int tag, Vr vr, byte[] value, List<DicomObject> items, List<byte[]> fragments,
                       BulkValue bulk) {
    this.tag = tag;
    this.vr = vr;
    this.value = value;
    this.items = items;
    this.fragments = fragments;
    this.bulk = bulk;
  }

  public static DicomElement of(int tag, Vr vr, byte[] value) {
    return new DicomElement(tag, vr, value, null, null, null);
  }

  public static DicomElement sequence(int tag, List<DicomObject> items) {
    return new DicomElement(tag, Vr.SQ, null, items, null, null);
  }

  public static DicomElement fragments(int tag, Vr vr, List<byte[]> fragments) {
    return new DicomElement(tag, vr, null, null, fragments, null);
  }

  public static DicomElement bulk(int tag, Vr vr, BulkValue bulk) {
    return new DicomElement(tag, vr, null, null, null, bulk);
  }

  public int tag() { return tag; }
  public Vr vr() { return vr; }
  public boolean isSequence() { return items != null; }
  public boolean isEncapsulated() { return fragments != null; }
  public boolean isBulk() { return bulk != null; }
  public List<DicomObject> items() { return items; }
  public List<byte[]> fragments() { return fragments; }
  public BulkValue bulkValue() { return bulk; }

  /** The value bytes (little endian); loads a bulk value from its file. Empty for SQ/fragments. */
  public byte[] bytes() {
    if (value == null && bulk != null) {
      try {
        return bulk.read();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return value == null ? new byte[0] : value;
  }

  /** Value length in bytes as stored (before padding). */
  public long length() {
    if (bulk != null) return bulk.length();
    return value == null ? 0 : value.length;
  }

  /** First binary number of a US/UL/SS/SL/FL/FD value, or {@code fallback}. */
  public double number(double fallback) {
    byte[] b = bytes();
    ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    return switch (vr) {
      case US, OW -> b.length >= 2 ? bb.getShort() & 0xFFFF : fallback;
      case SS -> b.length >= 2 ? bb.getShort() : fallback;
      case UL -> b.length >= 4 ? bb.getInt() & 0xFFFFFFFFL : fallback;
      case SL -> b.length >= 4 ? bb.getInt() : fallback;
      case FL -> b.length >= 4 ? bb.getFloat() : fallback;
      case FD -> b.length >= 8 ? bb.getDouble() : fallback;
      case DS, IS -> parseNumber(new String(b, java.nio.charset.StandardCharsets.US_ASCII), fallback);
      default -> fallback;
    };
  }

  private static double parseNumber(String s, double fallback) {
    String first = s.split("\\\\", -1)[0].trim();
    try {
      return first.isEmpty() ? fallback : Double.parseDouble(first);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  @Override public String toString() {
    return Tags.format(tag) + " " + vr + (isSequence() ? " items=" + items.size()
        : isEncapsulated() ? " fragments=" + fragments.size() : " len=" + length());
  }
}
