package org.trainset.refine.video;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/**
 * Frames through ffmpeg pipes as raw BGR24 (OpenCV's layout): {@link Decoder} reads a clip's
 * frames one at a time, {@link Encoder} writes H.264 frames at the source's exact frame rate
 * (as a fraction), with the source's audio copied untouched, into an MP4. Memory is one frame.
 */
final class FrameStream {
  private FrameStream() {}

  static final class Decoder implements AutoCloseable {
    private final Ffmpeg.Running process;
    private final InputStream in;
    private final byte[] buffer;
    private final int width;
    private final int height;
    private final Path file;

    Decoder(Path file, VideoProbe probe) throws IOException {
      this.file = file;
      this.width = probe.width();
      this.height = probe.height();
      this.buffer = new byte[width * height * 3];
      this.process = Ffmpeg.start(List.of(Ffmpeg.tool("ffmpeg").toString(), "-v", "error", "-nostdin",
          "-i", file.toAbsolutePath().toString(), "-map", "0:v:0", "-fps_mode", "passthrough",
          "-f", "rawvideo", "-pix_fmt", "bgr24", "-"));
      this.in = process.process().getInputStream();
    }

    /** The next frame, or null at the end. */
    Mat next() throws IOException {
      int off = 0;
      while (off < buffer.length) {
        int n = in.read(buffer, off, buffer.length - off);
        if (n < 0) {
          if (off == 0) return null;
          throw new EOFException("truncated frame from ffmpeg for " + file);
        }
        off += n;
      }
      Mat m = new Mat(height, width, CvType.CV_8UC3);
      m.put(0, 0, buffer);
      return m;
    }

    void finish() throws IOException {
      process.finish(file);
    }

    @Override public void close() throws IOException {
      if (process.process().isAlive()) process.kill();
    }
  }

  static final class Encoder implements AutoCloseable {
    private final Ffmpeg.Running process;
    private final OutputStream out;
    private final byte[] buffer;
    private final Path target;

    Encoder(Path source, VideoProbe probe, Path target) throws IOException {
      this.target = target;
      this.buffer = new byte[probe.width() * probe.height() * 3];
      List<String> args = new ArrayList<>(List.of(Ffmpeg.tool("ffmpeg").toString(), "-v", "error", "-y",
          "-f", "rawvideo", "-pix_fmt", "bgr24", "-s", probe.width() + "x" + probe.height(),
          "-framerate", probe.rate(), "-i", "-"));
      if (probe.audio()) args.addAll(List.of("-i", source.toAbsolutePath().toString(), "-map", "0:v:0", "-map", "1:a",
          "-c:a", "copy"));
      args.addAll(List.of("-c:v", "libx264", "-preset", "veryfast", "-crf", "18", "-pix_fmt", "yuv420p",
          "-r", probe.rate(), "-movflags", "+faststart", "-f", "mp4", target.toAbsolutePath().toString()));
      this.process = Ffmpeg.start(args);
      this.out = process.process().getOutputStream();
    }

    void write(Mat frame) throws IOException {
      frame.get(0, 0, buffer);
      out.write(buffer);
    }

    void finish() throws IOException {
      out.close();
      process.finish(target);
    }

    @Override public void close() throws IOException {
      if (process.process().isAlive()) process.kill();
    }
  }
}
