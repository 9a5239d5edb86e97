package org.trainset.families.cctv;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.mp4parser.IsoFile;
import org.mp4parser.boxes.iso14496.part12.MediaHeaderBox;
import org.mp4parser.boxes.iso14496.part12.MovieBox;
import org.mp4parser.boxes.iso14496.part12.MovieHeaderBox;
import org.mp4parser.boxes.iso14496.part12.SampleSizeBox;
import org.mp4parser.boxes.iso14496.part12.TrackBox;
import org.mp4parser.boxes.iso14496.part12.TrackHeaderBox;
import org.trainset.core.io.InputException;

/**
 * A clip's own timing from its MP4 header, parsed by isoparser. Only the {@code moov} box is
 * handed to the library: top-level boxes are walked by their headers and {@code mdat} is never
 * read (isoparser would copy it to a temp file, and 4K clips are gigabytes).
 *
 * @param duration seconds (movie header duration / timescale)
 * @param frames   video samples in the first video track
 * @param fps      frames divided by the video track's media duration
 */
public record Mp4Info(double duration, long frames, double fps, int width, int height) {
  private static final long MAX_MOOV = 64L << 20;

  public static Mp4Info read(Path file) throws IOException {
    ByteBuffer moov = moov(file);
    try (IsoFile iso = new IsoFile(Channels.newChannel(new java.io.ByteArrayInputStream(moov.array())))) {
      MovieBox movie = iso.getMovieBox();
      MovieHeaderBox mvhd = movie == null ? null : movie.getMovieHeaderBox();
      if (mvhd == null || mvhd.getTimescale() <= 0) {
        throw new InputException(file, "mp4-header", "moov has no usable movie header (mvhd)");
      }
      double duration = (double) mvhd.getDuration() / mvhd.getTimescale();
      for (TrackBox track : movie.getBoxes(TrackBox.class)) {
        var media = track.getMediaBox();
        if (media == null || media.getHandlerBox() == null || !"vide".equals(media.getHandlerBox().getHandlerType())) {
          continue;
        }
        MediaHeaderBox mdhd = media.getMediaHeaderBox();
        SampleSizeBox stsz = track.getSampleTableBox() == null ? null : track.getSampleTableBox().getSampleSizeBox();
        long frames = stsz == null ? 0 : stsz.getSampleCount();
        double trackSeconds = mdhd == null || mdhd.getTimescale() <= 0 ? 0 : (double) mdhd.getDuration() / mdhd.getTimescale();
        double fps = trackSeconds > 0 ? frames / trackSeconds : 0;
        TrackHeaderBox tkhd = track.getTrackHeaderBox();
        int w = tkhd == null ? 0 : (int) Math.round(tkhd.getWidth());
        int h = tkhd == null ? 0 : (int) Math.round(tkhd.getHeight());
        return new Mp4Info(duration, frames, Math.round(fps * 1000) / 1000.0, w, h);
      }
      throw new InputException(file, "mp4-no-video", "no video track in the MP4 header");
    } catch (RuntimeException e) {
      throw new InputException(file, -1, -1, null, "mp4-header", "cannot parse the MP4 header: " + e, e);
    }
  }

  /** The bytes of the top-level {@code moov} box, found by walking box headers. */
  private static ByteBuffer moov(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      long pos = 0;
      ByteBuffer head = ByteBuffer.allocate(16);
      while (pos + 8 <= size) {
        head.clear().limit(8);
        readFully(ch, head, pos);
        long boxSize = head.getInt(0) & 0xFFFFFFFFL;
        String type = new String(head.array(), 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
        int headerLength = 8;
        if (boxSize == 1) {
          head.clear().limit(8);
          readFully(ch, head, pos + 8);
          boxSize = head.getLong(0);
          headerLength = 16;
        } else if (boxSize == 0) {
          boxSize = size - pos;
        }
        if (boxSize < headerLength || boxSize > size - pos) { // not pos + boxSize: a huge 64-bit size overflows it
          throw new InputException(file, -1, -1, null, "mp4-box",
              "box '" + printable(type) + "' at byte " + pos + " has size " + boxSize + " beyond the file (" + size + " bytes)", null);
        }
        if (type.equals("moov")) {
          if (boxSize > MAX_MOOV) throw new InputException(file, "mp4-box", "moov box larger than " + MAX_MOOV + " bytes");
          ByteBuffer moov = ByteBuffer.allocate((int) boxSize);
          readFully(ch, moov, pos);
          return moov;
        }
        pos += boxSize;
      }
    }
    throw new InputException(file, "mp4-no-moov", "no moov box: not an MP4 file or truncated");
  }

  private static void readFully(FileChannel ch, ByteBuffer buf, long pos) throws IOException {
    while (buf.hasRemaining()) {
      int n = ch.read(buf, pos);
      if (n < 0) throw new IOException("unexpected end of file");
      pos += n;
    }
  }

  private static String printable(String type) {
    return type.replaceAll("[^ -~]", "?");
  }

  /** Sets the creation/modification times in mvhd, tkhd and mdhd to zero so output is reproducible. */
  static void zeroTimestamps(Path file) throws IOException {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      walk(raf, 0, raf.length());
    }
  }

  private static void walk(RandomAccessFile raf, long from, long to) throws IOException {
    long pos = from;
    while (pos + 8 <= to) {
      raf.seek(pos);
      long size = raf.readInt() & 0xFFFFFFFFL;
      byte[] t = new byte[4];
      raf.readFully(t);
      String type = new String(t, java.nio.charset.StandardCharsets.ISO_8859_1);
      int header = 8;
      if (size == 1) {
        size = raf.readLong();
        header = 16;
      } else if (size == 0) {
        size = to - pos;
      }
      if (size < header || size > to - pos) return;
      switch (type) {
        case "moov", "trak", "mdia" -> walk(raf, pos + header, pos + size);
        case "mvhd", "tkhd", "mdhd" -> {
          raf.seek(pos + header);
          int version = raf.readUnsignedByte();
          raf.seek(pos + header + 4);
          raf.write(new byte[version == 1 ? 16 : 8]);
        }
        default -> { }
      }
      pos += size;
    }
  }
}
