package org.trainset.families.cctv;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import org.jcodec.api.SequenceEncoder;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.io.SeekableByteChannel;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Picture;
import org.jcodec.common.model.Rational;

/**
 * Encodes frames into a real H.264 MP4 with jcodec (pure Java), then zeroes the header
 * timestamps so the same frames always give the same bytes.
 */
final class Mp4Clip implements AutoCloseable {
  private final Path file;
  private final SeekableByteChannel channel;
  private final SequenceEncoder encoder;
  private boolean finished;

  Mp4Clip(Path file, int fps) throws IOException {
    this.file = file;
    this.channel = NIOUtils.writableChannel(file.toFile());
    this.encoder = SequenceEncoder.createWithFps(channel, Rational.R(fps, 1));
  }

  void add(BufferedImage frame) throws IOException {
    int w = frame.getWidth();
    int h = frame.getHeight();
    Picture pic = Picture.create(w, h, ColorSpace.RGB);
    byte[] data = pic.getPlaneData(0);
    int i = 0;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int rgb = frame.getRGB(x, y);
        data[i++] = (byte) (((rgb >> 16) & 255) - 128);
        data[i++] = (byte) (((rgb >> 8) & 255) - 128);
        data[i++] = (byte) ((rgb & 255) - 128);
      }
    }
    encoder.encodeNativeFrame(pic);
  }

  void finish() throws IOException {
    encoder.finish();
    channel.close();
    finished = true;
    Mp4Info.zeroTimestamps(file);
  }

  @Override public void close() throws IOException {
    if (!finished) channel.close();
  }
}
