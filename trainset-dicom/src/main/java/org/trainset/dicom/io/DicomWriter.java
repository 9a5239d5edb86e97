package org.trainset.dicom.io;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.trainset.core.io.AtomicOutput;

/**
 * Writes Part 10 files: preamble, {@code DICM}, a file meta group whose group length is
 * recomputed, then the data set in the chosen transfer syntax. Values are padded to even length,
 * group length elements (gggg,0000) are dropped, sequences and items are written with undefined
 * length, encapsulated pixel data is written fragment by fragment exactly as read.
 */
public final class DicomWriter {
  /** trainset's implementation class UID: 2.25 + the UUID derived from the name "trainset". */
  public static final String IMPLEMENTATION_CLASS_UID = Uids.fromName("org.trainset.dicom");
  public static final String IMPLEMENTATION_VERSION = "TRAINSET_0_1";

  private DicomWriter() {}

  /** Writes {@code file} to {@code target} in its own transfer syntax, atomically. */
  public static void write(DicomFile file, Path target) throws IOException {
    write(file, file.transferSyntax(), target);
  }

  public static void write(DicomFile file, TransferSyntax ts, Path target) throws IOException {
    AtomicOutput.writeFile(target, os -> {
      BufferedOutputStream out = new BufferedOutputStream(os, 1 << 16);
      write(file, ts, out);
      out.flush();
    });
  }

  /** Writes straight to {@code target}: for callers that already stage the whole output folder. */
  public static void writeUnstaged(DicomFile file, Path target) throws IOException {
    try (OutputStream os = java.nio.file.Files.newOutputStream(target)) {
      BufferedOutputStream out = new BufferedOutputStream(os, 1 << 16);
      write(file, file.transferSyntax(), out);
      out.flush();
    }
  }

  public static void write(DicomFile file, TransferSyntax ts, OutputStream out) throws IOException {
    if (!ts.encapsulated() && hasFragments(file.dataset())) {
      throw new IllegalArgumentException("encapsulated pixel data cannot be written in " + ts.uid());
    }
    byte[] preamble = file.preamble() != null && file.preamble().length == 128 ? file.preamble() : new byte[128];
    out.write(preamble);
    out.write("DICM".getBytes(StandardCharsets.US_ASCII));
    writeMeta(metaFor(file, ts), out);
    if (ts.deflated()) {
      Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
      DeflaterOutputStream dos = new DeflaterOutputStream(out, deflater, 1 << 16);
      new Encoder(dos, ts.explicitVr(), false).dataset(file.dataset(), true);
      dos.finish();
      deflater.end();
    } else {
      new Encoder(out, ts.explicitVr(), ts.bigEndian()).dataset(file.dataset(), true);
    }
  }

  /**
   * Where each sequence item of {@code file} will start (bytes from the start of the file) when it
   * is written in {@code ts}: what DICOMDIR offsets must say. Encodes to nowhere.
   */
  public static java.util.Map<DicomObject, Long> itemOffsets(DicomFile file, TransferSyntax ts) throws IOException {
    if (ts.deflated()) throw new IllegalArgumentException("item offsets of a deflated data set mean nothing");
    ByteArrayOutputStream meta = new ByteArrayOutputStream();
    writeMeta(metaFor(file, ts), meta);
    java.util.Map<DicomObject, Long> at = new java.util.IdentityHashMap<>();
    Encoder.counting(OutputStream.nullOutputStream(), ts.explicitVr(), ts.bigEndian(), 132L + meta.size(), at::put)
        .dataset(file.dataset(), true);
    return at;
  }

  /** The meta group to write: the file's, completed with what Part 10 requires. */
  static DicomObject metaFor(DicomFile file, TransferSyntax ts) {
    DicomObject m = new DicomObject();
    file.meta().elements().forEach(m::put);
    m.remove(Tags.FILE_META_GROUP_LENGTH);
    if (!m.contains(Tags.FILE_META_VERSION)) m.put(DicomElement.of(Tags.FILE_META_VERSION, Vr.OB, new byte[] {0, 1}));
    DicomObject ds = file.dataset();
    if (!m.contains(Tags.MEDIA_STORAGE_SOP_CLASS_UID)) {
      ds.string(Tags.SOP_CLASS_UID).ifPresent(v -> m.putString(Tags.MEDIA_STORAGE_SOP_CLASS_UID, Vr.UI, v));
    }
    if (!m.contains(Tags.MEDIA_STORAGE_SOP_INSTANCE_UID)) {
      ds.string(Tags.SOP_INSTANCE_UID).ifPresent(v -> m.putString(Tags.MEDIA_STORAGE_SOP_INSTANCE_UID, Vr.UI, v));
    }
    m.putString(Tags.TRANSFER_SYNTAX_UID, Vr.UI, ts.uid());
    if (!m.contains(Tags.IMPLEMENTATION_CLASS_UID)) {
      m.putString(Tags.IMPLEMENTATION_CLASS_UID, Vr.UI, IMPLEMENTATION_CLASS_UID);
      m.putString(Tags.IMPLEMENTATION_VERSION_NAME, Vr.SH, IMPLEMENTATION_VERSION);
    }
    return m;
  }

  private static void writeMeta(DicomObject meta, OutputStream out) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    Encoder enc = new Encoder(body, true, false);
    for (DicomElement e : meta.elements()) enc.element(e);
    Encoder head = new Encoder(out, true, false);
    head.element(DicomElement.of(Tags.FILE_META_GROUP_LENGTH, Vr.UL, le32(body.size())));
    body.writeTo(out);
  }

  private static boolean hasFragments(DicomObject o) {
    for (DicomElement e : o.elements()) {
      if (e.isEncapsulated()) return true;
      if (e.isSequence()) for (DicomObject i : e.items()) if (hasFragments(i)) return true;
    }
    return false;
  }

  static byte[] le32(long v) {
    return new byte[] {(byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)};
  }
}
