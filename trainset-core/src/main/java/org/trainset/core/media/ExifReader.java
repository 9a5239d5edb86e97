package org.trainset.core.media;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Capture metadata from a JPEG's EXIF block (APP1 {@code Exif\0\0}, a TIFF structure): the
 * ASCII and numeric tags of IFD0 and the Exif sub-IFD, by their standard names. Reads only the
 * header segments, never the pixels. ImageIO has no EXIF reader of its own.
 */
public final class ExifReader {
  /** Tag number → standard EXIF name, for the tags capture metadata is made of. */
  private static final Map<Integer, String> NAMES = Map.ofEntries(
      Map.entry(0x010F, "Make"), Map.entry(0x0110, "Model"), Map.entry(0x0112, "Orientation"),
      Map.entry(0x0131, "Software"), Map.entry(0x0132, "DateTime"), Map.entry(0x013B, "Artist"),
      Map.entry(0x8298, "Copyright"), Map.entry(0x9003, "DateTimeOriginal"),
      Map.entry(0x9004, "DateTimeDigitized"), Map.entry(0x829A, "ExposureTime"),
      Map.entry(0x829D, "FNumber"), Map.entry(0x8827, "ISOSpeedRatings"), Map.entry(0x920A, "FocalLength"),
      Map.entry(0xA002, "PixelXDimension"), Map.entry(0xA003, "PixelYDimension"),
      Map.entry(0xA433, "LensMake"), Map.entry(0xA434, "LensModel"), Map.entry(0xA431, "BodySerialNumber"));
  private static final int EXIF_IFD_POINTER = 0x8769;
  private static final int MAX_SEGMENT_SCAN = 64;

  private ExifReader() {}

  /** Whether {@code name} is a tag this reader reports. */
  public static boolean knows(String name) {
    return NAMES.containsValue(name);
  }

  /** The file's EXIF tags by name; empty when it is not a JPEG or has no (readable) EXIF block. */
  public static Map<String, String> read(Path file) throws IOException {
    try (InputStream raw = Files.newInputStream(file); DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw))) {
      if (in.readUnsignedShort() != 0xFFD8) return Map.of();
      for (int n = 0; n < MAX_SEGMENT_SCAN; n++) {
        int marker = in.readUnsignedShort();
        if ((marker & 0xFF00) != 0xFF00 || marker == 0xFFDA || marker == 0xFFD9) return Map.of(); // pixels start
        int length = in.readUnsignedShort() - 2;
        if (length < 0) return Map.of();
        if (marker == 0xFFE1 && length > 6) {
          byte[] seg = in.readNBytes(length);
          if (seg.length == length && new String(seg, 0, 6, StandardCharsets.ISO_8859_1).equals("Exif\0\0")) {
            return tiff(ByteBuffer.wrap(seg, 6, seg.length - 6).slice());
          }
        } else if (in.skipBytes(length) < length) {
          return Map.of();
        }
      }
      return Map.of();
    } catch (EOFException e) {
      return Map.of();
    }
  }

  private static Map<String, String> tiff(ByteBuffer b) {
    Map<String, String> out = new LinkedHashMap<>();
    try {
      short order = b.getShort(0);
      if (order == 0x4949) b.order(ByteOrder.LITTLE_ENDIAN);
      else if (order == 0x4D4D) b.order(ByteOrder.BIG_ENDIAN);
      else return out;
      if ((b.getShort(2) & 0xFFFF) != 42) return out;
      int exifIfd = ifd(b, b.getInt(4), out);
      if (exifIfd > 0) ifd(b, exifIfd, out);
    } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
      // a truncated or corrupt block: keep what was read before the damage
    }
    return out;
  }

  /** Reads one IFD's known tags into {@code out}; returns the Exif sub-IFD offset, or 0. */
  private static int ifd(ByteBuffer b, int offset, Map<String, String> out) {
    int count = b.getShort(offset) & 0xFFFF;
    int exif = 0;
    for (int i = 0; i < count; i++) {
      int e = offset + 2 + i * 12;
      int tag = b.getShort(e) & 0xFFFF;
      int type = b.getShort(e + 2) & 0xFFFF;
      int n = b.getInt(e + 4);
      if (tag == EXIF_IFD_POINTER) {
        exif = b.getInt(e + 8);
        continue;
      }
      String name = NAMES.get(tag);
      if (name == null || n <= 0) continue;
      String value = value(b, e + 8, type, n);
      if (value != null) out.put(name, value);
    }
    return exif;
  }

  private static String value(ByteBuffer b, int field, int type, int n) {
    switch (type) {
      case 2 -> { // ASCII, NUL-terminated; inline when it fits in 4 bytes
        int at = n <= 4 ? field : b.getInt(field);
        byte[] s = new byte[n];
        b.get(at, s);
        int end = 0;
        while (end < s.length && s[end] != 0) end++;
        return new String(s, 0, end, StandardCharsets.UTF_8).trim();
      }
      case 3 -> { return Integer.toString(b.getShort(field) & 0xFFFF); } // SHORT
      case 4 -> { return Long.toString(b.getInt(field) & 0xFFFFFFFFL); } // LONG
      case 5 -> { // RATIONAL: numerator/denominator at the offset
        int at = b.getInt(field);
        long num = b.getInt(at) & 0xFFFFFFFFL, den = b.getInt(at + 4) & 0xFFFFFFFFL;
        if (den == 0) return null;
        return num % den == 0 ? Long.toString(num / den) : num + "/" + den;
      }
      default -> { return null; }
    }
  }
}
