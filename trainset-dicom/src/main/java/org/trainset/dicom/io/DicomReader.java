package org.trainset.dicom.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.trainset.core.io.ParseLimits;
import org.trainset.dicom.dict.DicomDictionary;

/**
 * Reads DICOM Part 10 files (and bare data sets without preamble or meta group). Values larger
 * than {@link Options#bulkThreshold()} that sit uncompressed in the file are not loaded but kept
 * as {@link BulkValue}s; {@link Options#stopAtPixelData()} reads only the header.
 */
public final class DicomReader {
  /**
   * How to read. {@code limits}: the file size limit is checked before reading, the nesting limit
   * caps sequence depth (never above 64), and the string limit caps any text value held in memory.
   */
  public record Options(boolean stopAtPixelData, long bulkThreshold, ParseLimits limits) {
    public Options(boolean stopAtPixelData, long bulkThreshold) {
      this(stopAtPixelData, bulkThreshold, ParseLimits.DEFAULT);
    }

    public static Options defaults() { return new Options(false, 1L << 20); }
    public static Options headerOnly() { return new Options(true, 1L << 20); }

    public Options withLimits(ParseLimits l) { return new Options(stopAtPixelData, bulkThreshold, l); }
  }

  private static final long UNDEFINED = 0xFFFFFFFFL;
  private static final int MAX_DEPTH = 64;
  private final DicomDictionary dict = DicomDictionary.standard();
  private final Options options;

  public DicomReader(Options options) {
    this.options = options;
  }

  public DicomReader() {
    this(Options.defaults());
  }

  public DicomFile read(Path file) throws IOException {
    options.limits().checkFileSize(file);
    try (InputStream raw = Files.newInputStream(file)) {
      return read(file, raw);
    }
  }

  /** True when the file starts with a preamble and {@code DICM}. */
  public static boolean hasPart10Magic(byte[] head) {
    return head.length >= 132 && head[128] == 'D' && head[129] == 'I' && head[130] == 'C' && head[131] == 'M';
  }

  private DicomFile read(Path file, InputStream raw) throws IOException {
    DicomInput in = new DicomInput(file, raw);
    try {
      return parse(file, in);
    } catch (java.util.zip.ZipException | java.io.EOFException e) {
      // only the inflater throws these: the reader's own reads report truncation themselves
      throw new org.trainset.core.io.InputException(file, -1, -1, "inflated offset " + in.position(), "dicom.deflate",
          "deflated data set is damaged: " + e.getMessage(), e);
    }
  }

  private DicomFile parse(Path file, DicomInput in) throws IOException {
    byte[] head = new byte[132];
    byte[] preamble = null;
    if (in.peek(head, 132) == 132 && hasPart10Magic(head)) {
      preamble = in.readBytes(128, "preamble");
      in.readBytes(4, "DICM prefix");
    }
    DicomObject meta = new DicomObject();
    byte[] tagBytes = new byte[6];
    int got = in.peek(tagBytes, 6);
    if (got < 6) throw in.error("dicom.not-dicom", "too short to be a DICOM file");
    boolean hasMeta = tagBytes[0] == 2 && tagBytes[1] == 0;
    TransferSyntax ts;
    if (hasMeta) {
      readMeta(in, meta);
      String uid = meta.string(Tags.TRANSFER_SYNTAX_UID).orElse("");
      if (uid.isEmpty()) {
        throw in.error("dicom.transfer-syntax", "file meta group has no Transfer Syntax UID (0002,0010)");
      }
      ts = TransferSyntax.of(uid);
    } else {
      if (preamble != null) throw in.error("dicom.meta", "no file meta group after DICM");
      int pad = strayPadding(in);
      if (pad > 0) {
        in.readBytes(pad, "leading padding");
        in.peek(tagBytes, 6);
      }
      ts = guessSyntax(in, tagBytes);
    }
    if (ts.deflated()) in.inflate();
    in.bigEndian(ts.bigEndian());
    DicomObject ds = new DicomObject();
    readItems(in, ds, ts.explicitVr(), -1, 0, true);
    return new DicomFile(file, preamble, meta, ds, ts);
  }

  private void readMeta(DicomInput in, DicomObject meta) throws IOException {
    byte[] t = new byte[2];
    while (in.peek(t, 2) == 2 && t[0] == 2 && t[1] == 0) {
      DicomElement e = readElement(in, true, 0, meta);
      meta.put(e);
    }
  }

  /**
   * A bare data set (no preamble, no meta) should start with an element header whose length fits
   * the file. When it does not, but does after 1-3 leading space or NUL bytes (pydicom's
   * {@code no_meta.dcm} starts with one stray space before (0008,0005)), those bytes are padding
   * left by the tool that wrote the file: skip them. Returns how many to skip (0 if none).
   */
  private static int strayPadding(DicomInput in) throws IOException {
    byte[] h = new byte[16];
    int got = in.peek(h, 16);
    long size = in.seekable() && java.nio.file.Files.isRegularFile(in.file()) ? java.nio.file.Files.size(in.file()) : Long.MAX_VALUE;
    if (plausibleHeader(h, got, 0, size)) return 0;
    for (int k = 1; k <= 3; k++) {
      if (h[k - 1] != ' ' && h[k - 1] != 0) return 0;
      if (plausibleHeader(h, got, k, size - k)) return k;
    }
    return 0;
  }

  /** True when the bytes at {@code off} read as an element header (explicit or implicit VR LE) that fits in {@code left} bytes. */
  private static boolean plausibleHeader(byte[] h, int got, int off, long left) {
    if (got < off + 12) return true; // too short to judge: let the parser report it
    int group = (h[off] & 0xFF) | (h[off + 1] & 0xFF) << 8;
    if ((group & 1) == 1 && group < 8 || group == 0xFFFE) return false;
    Vr vr = Vr.of(h[off + 4], h[off + 5]);
    long header = 8;
    long length;
    if (vr != null && vr.longLength()) {
      header = 12;
      length = (h[off + 8] & 0xFFL) | (h[off + 9] & 0xFFL) << 8 | (h[off + 10] & 0xFFL) << 16 | (h[off + 11] & 0xFFL) << 24;
    } else if (vr != null) {
      length = (h[off + 6] & 0xFF) | (h[off + 7] & 0xFF) << 8;
    } else {
      length = (h[off + 4] & 0xFFL) | (h[off + 5] & 0xFFL) << 8 | (h[off + 6] & 0xFFL) << 16 | (h[off + 7] & 0xFFL) << 24;
    }
    return length == UNDEFINED || header + length <= left;
  }

  /** No meta group: decide from the first element header (group byte order, VR letters). */
  private static TransferSyntax guessSyntax(DicomInput in, byte[] h) throws IOException {
    int groupLe = (h[0] & 0xFF) | (h[1] & 0xFF) << 8;
    int groupBe = (h[1] & 0xFF) | (h[0] & 0xFF) << 8;
    boolean explicit = Vr.of(h[4], h[5]) != null;
    if (groupBe < groupLe) {
      if (!explicit) throw in.error("dicom.transfer-syntax", "no meta group and not explicit VR little/big endian");
      return TransferSyntax.EXPLICIT_BE;
    }
    return explicit ? TransferSyntax.EXPLICIT_LE : TransferSyntax.IMPLICIT_LE;
  }

  /**
   * Reads elements into {@code into} until {@code end} (an offset; -1 = until the end of input,
   * or until an item delimiter when {@code top} is false).
   */
  private void readItems(DicomInput in, DicomObject into, boolean explicit, long end, int depth, boolean top)
      throws IOException {
    int maxDepth = Math.min(MAX_DEPTH, options.limits().maxNestingDepth());
    if (depth > maxDepth) throw in.error("dicom.depth", "sequences nested deeper than " + maxDepth);
    byte[] peek = new byte[4];
    while (end < 0 || in.position() < end) {
      if (end < 0 && top && in.atEnd()) return;
      if (top && options.stopAtPixelData() && in.peek(peek, 4) == 4 && peekTag(in, peek) == Tags.PIXEL_DATA) return;
      DicomElement e = readElement(in, explicit, depth, into);
      if (e == null) return; // item delimitation
      into.put(e);
    }
  }

  private static int peekTag(DicomInput in, byte[] b) {
    int g = in.bigEndian() ? (b[0] & 0xFF) << 8 | (b[1] & 0xFF) : (b[1] & 0xFF) << 8 | (b[0] & 0xFF);
    int el = in.bigEndian() ? (b[2] & 0xFF) << 8 | (b[3] & 0xFF) : (b[3] & 0xFF) << 8 | (b[2] & 0xFF);
    return g << 16 | el;
  }

  /** One element, or null for an item delimitation item. */
  private DicomElement readElement(DicomInput in, boolean explicit, int depth, DicomObject owner)
      throws IOException {
    long start = in.position();
    int tag = in.u16("tag") << 16 | in.u16("tag");
    if (tag == Tags.ITEM_DELIMITATION) {
      in.u32("item delimiter length");
      return null;
    }
    if (Tags.group(tag) == 0xFFFE) {
      throw in.error("dicom.structure", "unexpected " + Tags.format(tag) + " at offset " + start);
    }
    Vr vr;
    long length;
    if (explicit) {
      byte[] v = in.readBytes(2, "VR of " + Tags.format(tag));
      vr = Vr.of(v[0], v[1]);
      if (vr == null) {
        // PS3.5 6.2: an unknown VR is read like UN (reserved bytes and a 4-byte length).
        vr = Vr.UN;
        in.readBytes(2, "reserved bytes of " + Tags.format(tag));
        length = in.u32("length of " + Tags.format(tag));
      } else if (vr.longLength()) {
        in.readBytes(2, "reserved bytes of " + Tags.format(tag));
        length = in.u32("length of " + Tags.format(tag));
      } else {
        length = in.u16("length of " + Tags.format(tag));
      }
    } else {
      vr = dict.vrOf(tag);
      length = in.u32("length of " + Tags.format(tag));
    }
    String what = "value of " + Tags.format(tag);
    if (length == UNDEFINED) {
      if (tag == Tags.PIXEL_DATA && vr != Vr.SQ) return DicomElement.fragments(tag, vr, readFragments(in));
      if (vr == Vr.UN) {
        // CP-246: UN of undefined length holds a sequence encoded in implicit VR little endian.
        boolean wasBig = in.bigEndian();
        in.bigEndian(false);
        List<DicomObject> items = readSequence(in, false, -1, depth, owner);
        in.bigEndian(wasBig);
        return DicomElement.sequence(tag, items);
      }
      if (vr != Vr.SQ && explicit) throw in.error("dicom.length", Tags.format(tag) + " " + vr + " has undefined length");
      return DicomElement.sequence(tag, readSequence(in, explicit, -1, depth, owner));
    }
    if (vr == Vr.SQ) {
      return DicomElement.sequence(tag, readSequence(in, explicit, in.position() + length, depth, owner));
    }
    if (length >= options.bulkThreshold() && in.seekable() && (!in.bigEndian() || vr.swapUnit() == 1)) {
      long at = in.position();
      long size = java.nio.file.Files.size(in.file());
      if (at + length > size) {
        throw in.error("dicom.truncated", "file ends inside " + what + " (needed " + length + " bytes, found " + (size - at) + ")");
      }
      in.skip(length, what);
      return DicomElement.bulk(tag, vr, new BulkValue(in.file(), at, length));
    }
    if (vr.isString() && length > options.limits().maxStringLength()) {
      throw in.error("max-string-length", what + " " + vr + " is " + length + " bytes, over the limit of "
          + options.limits().maxStringLength());
    }
    byte[] value = in.readBytes(length, what);
    if (vr == Vr.UN && length > 0 && !Tags.isPrivate(tag) && dict.vrOf(tag) == Vr.SQ) {
      // A standard sequence sent as UN (PS3.5 6.2.2): its value is implicit VR LE items. Parsed so
      // that nested attributes are seen (and de-identified); kept as bytes if it is not items.
      try {
        return DicomElement.sequence(tag, readSequence(DicomInput.ofBytes(in.file(), value), false, length, depth, owner));
      } catch (org.trainset.core.io.InputException notItems) {
        return DicomElement.of(tag, vr, value);
      }
    }
    if (in.bigEndian()) ByteSwap.swap(value, vr.swapUnit());
    return DicomElement.of(tag, vr, value);
  }

  private List<DicomObject> readSequence(DicomInput in, boolean explicit, long end, int depth, DicomObject owner)
      throws IOException {
    List<DicomObject> items = new ArrayList<>();
    while (end < 0 || in.position() < end) {
      long at = in.position();
      int tag = in.u16("item tag") << 16 | in.u16("item tag");
      long len = in.u32("item length");
      if (tag == Tags.SEQUENCE_DELIMITATION) {
        if (end < 0) return items;
        continue; // a stray delimiter inside a defined-length sequence: tolerated
      }
      if (tag != Tags.ITEM) throw in.error("dicom.structure", "expected an item (fffe,e000) at offset " + at
          + ", found " + Tags.format(tag));
      DicomObject item = new DicomObject(owner);
      if (in.seekable()) item.sourceOffset(at);
      readItems(in, item, explicit, len == UNDEFINED ? -1 : in.position() + len, depth + 1, false);
      items.add(item);
    }
    return items;
  }

  private static List<byte[]> readFragments(DicomInput in) throws IOException {
    List<byte[]> frags = new ArrayList<>();
    while (true) {
      int tag = in.u16("fragment tag") << 16 | in.u16("fragment tag");
      long len = in.u32("fragment length");
      if (tag == Tags.SEQUENCE_DELIMITATION) return frags;
      if (tag != Tags.ITEM) throw in.error("dicom.structure", "expected a pixel data fragment, found " + Tags.format(tag));
      frags.add(in.readBytes(len, "pixel data fragment " + frags.size()));
    }
  }
}
