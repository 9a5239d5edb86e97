package org.trainset.refine.video;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A lower-resolution copy of a clip (4K CCTV published as FHD): ffmpeg scales the video to a
 * longer side of at most {@code maxSide} (even sizes, area interpolation), same frames at the same
 * rate, audio copied; the frame count is checked with ffprobe.
 */
public final class VideoScale {
  private VideoScale() {}

  /** Writes the copy to {@code dst}; returns {width, height, scale × 1e6}, or null when it is small enough. */
  public static int[] scale(Path src, Path dst, int maxSide) throws IOException {
    VideoProbe probe = VideoProbe.of(src);
    int longer = Math.max(probe.width(), probe.height());
    if (longer <= maxSide) return null;
    double s = maxSide / (double) longer;
    int w = Math.max(2, (int) Math.round(probe.width() * s / 2) * 2);
    int h = Math.max(2, (int) Math.round(probe.height() * s / 2) * 2);
    List<String> args = new ArrayList<>(List.of(Ffmpeg.tool("ffmpeg").toString(), "-v", "error", "-nostdin", "-y",
        "-i", src.toAbsolutePath().toString(), "-map", "0:v:0"));
    if (probe.audio()) args.addAll(List.of("-map", "0:a", "-c:a", "copy"));
    args.addAll(List.of("-vf", "scale=" + w + ":" + h + ":flags=area", "-fps_mode", "passthrough", "-c:v", "libx264",
        "-preset", "veryfast", "-crf", "18", "-pix_fmt", "yuv420p", "-movflags", "+faststart", "-f", "mp4",
        dst.toAbsolutePath().toString()));
    Ffmpeg.Running p = Ffmpeg.start(args);
    p.process().getOutputStream().close();
    p.process().getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
    p.finish(src);
    VideoProbe written = VideoProbe.of(dst);
    if (probe.frames() >= 0 && written.frames() >= 0 && written.frames() != probe.frames()) {
      throw new IOException("ffmpeg wrote " + written.frames() + " frames for " + probe.frames() + " of " + src);
    }
    return new int[] {w, h, (int) Math.round(w / (double) probe.width() * 1e6)};
  }
}
