package org.trainset.dicom.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A large little-endian value (pixel data) left in the source file and copied straight to the
 * output when written, so a multi-gigabyte image is never held in memory.
 */
public record BulkValue(Path file, long offset, long length) {
  public byte[] read() throws IOException {
    if (length > Integer.MAX_VALUE - 16) throw new IOException("value of " + length + " bytes is too large to load");
    ByteBuffer buf = ByteBuffer.allocate((int) length);
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      while (buf.hasRemaining()) {
        if (ch.read(buf, offset + buf.position()) < 0) throw new IOException(file + ": ends inside bulk value");
      }
    }
    return buf.array();
  }

  public void copyTo(OutputStream out) throws IOException {
    byte[] chunk = new byte[1 << 16];
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long pos = offset;
      long end = offset + length;
      while (pos < end) {
        ByteBuffer bb = ByteBuffer.wrap(chunk, 0, (int) Math.min(chunk.length, end - pos));
        int n = ch.read(bb, pos);
        if (n < 0) throw new IOException(file + ": ends inside bulk value");
        out.write(chunk, 0, n);
        pos += n;
      }
    }
  }
}
