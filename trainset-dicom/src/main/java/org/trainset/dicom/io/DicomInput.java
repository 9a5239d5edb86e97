package org.trainset.dicom.io;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.trainset.core.io.InputException;

/**
 * Byte source for the parser: counts the offset (for error messages and bulk references),
 * reads numbers in the current byte order, and turns a premature end into a typed
 * {@link InputException} naming the file and offset.
 */
final class DicomInput {
  private final Path file;
  private InputStream in;
  private long pos;
  private boolean bigEndian;
  private boolean seekable;

  DicomInput(Path file, InputStream raw) {
    this.file = file;
    this.in = raw.markSupported() ? raw : new BufferedInputStream(raw, 1 << 16);
    this.seekable = true;
  }

  Path file() { return file; }
  long position() { return pos; }
  boolean bigEndian() { return bigEndian; }
  void bigEndian(boolean be) { this.bigEndian = be; }
  /** False once the stream is inflated: offsets no longer match the file. */
  boolean seekable() { return seekable; }

  /** A reader over bytes already in memory (a UN value re-read as a sequence): never seekable. */
  static DicomInput ofBytes(Path file, byte[] value) {
    DicomInput in = new DicomInput(file, new java.io.ByteArrayInputStream(value));
    in.seekable = false;
    return in;
  }

  /** Continues reading from an inflating wrapper around the rest of the stream. */
  void inflate() {
    this.in = new BufferedInputStream(new java.util.zip.InflaterInputStream(in,
        new java.util.zip.Inflater(true), 1 << 16), 1 << 16);
    this.seekable = false;
  }

  /** Next byte without consuming it, or -1 at the end. */
  int peek(byte[] buf, int n) throws IOException {
    in.mark(n);
    int got = in.readNBytes(buf, 0, n);
    in.reset();
    return got;
  }

  /** True when nothing is left. */
  boolean atEnd() throws IOException {
    in.mark(1);
    int b = in.read();
    in.reset();
    return b < 0;
  }

  byte[] readBytes(long n, String what) throws IOException {
    if (n > Integer.MAX_VALUE - 16) throw error("dicom.length", what + " claims " + n + " bytes");
    byte[] b = in.readNBytes((int) n); // reads in chunks: a bogus length cannot allocate it all up front
    if (b.length < n) throw truncated(what, n, b.length);
    pos += n;
    return b;
  }

  void skip(long n, String what) throws IOException {
    long left = n;
    while (left > 0) {
      long s = in.skip(left);
      if (s <= 0) {
        if (in.read() < 0) throw truncated(what, n, n - left);
        s = 1;
      }
      left -= s;
    }
    pos += n;
  }

  int u16(String what) throws IOException {
    byte[] b = readBytes(2, what);
    return bigEndian ? ((b[0] & 0xFF) << 8) | (b[1] & 0xFF) : ((b[1] & 0xFF) << 8) | (b[0] & 0xFF);
  }

  long u32(String what) throws IOException {
    byte[] b = readBytes(4, what);
    long v = bigEndian
        ? ((b[0] & 0xFFL) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF)
        : ((b[3] & 0xFFL) << 24) | ((b[2] & 0xFF) << 16) | ((b[1] & 0xFF) << 8) | (b[0] & 0xFF);
    return v;
  }

  InputException error(String rule, String detail) {
    return new InputException(file, -1, -1, "byte offset " + pos, rule, detail, null);
  }

  private InputException truncated(String what, long wanted, long got) {
    return new InputException(file, -1, -1, "byte offset " + (pos + got), "dicom.truncated",
        "file ends inside " + what + " (needed " + wanted + " bytes, found " + got + ")",
        new EOFException());
  }
}
