package org.trainset.refine.images;

import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.opencv.imgcodecs.Imgcodecs;
import org.trainset.refine.deid.OpenCv;

/**
 * Decodes a JPEG straight to a small grey image with libjpeg-turbo's DCT scaling (through
 * OpenCV's {@code IMREAD_REDUCED_GRAYSCALE_k}): at 1/8 each 8×8 block becomes its DC value (the
 * block's mean), so no inverse DCT runs and the colour channels are never converted — four times
 * cheaper than a full decode for a 640×480 photo, and what the hashes need is the block means
 * anyway. The scale is the largest of 1/8, 1/4, 1/2 that leaves at least {@value #MIN_SIDE} pixels
 * on the short side. EXIF orientation is ignored, as ImageIO and PIL (imagehash) do.
 */
public final class ReducedJpeg {
  static final int MIN_SIDE = 48;
  private static final int IGNORE_ORIENTATION = 128; // Imgcodecs.IMREAD_IGNORE_ORIENTATION
  private static volatile Boolean available;

  record Grey(byte[] pixels, int width, int height, int fullWidth, int fullHeight) {}

  private ReducedJpeg() {}

  /** The reduced grey image, or null when {@code bytes} is not a JPEG this path can decode. */
  static Grey decode(byte[] bytes) {
    int[] size = size(bytes);
    if (size == null || !available()) return null;
    int shortSide = Math.min(size[0], size[1]);
    int flag = shortSide >= 8 * MIN_SIDE ? Imgcodecs.IMREAD_REDUCED_GRAYSCALE_8
        : shortSide >= 4 * MIN_SIDE ? Imgcodecs.IMREAD_REDUCED_GRAYSCALE_4
        : shortSide >= 2 * MIN_SIDE ? Imgcodecs.IMREAD_REDUCED_GRAYSCALE_2 : Imgcodecs.IMREAD_GRAYSCALE;
    MatOfByte in = new MatOfByte(bytes);
    Mat m = Imgcodecs.imdecode(in, flag | IGNORE_ORIENTATION);
    try {
      if (m.empty() || m.channels() != 1) return null;
      byte[] px = new byte[m.cols() * m.rows()];
      m.get(0, 0, px);
      return new Grey(px, m.cols(), m.rows(), size[0], size[1]);
    } finally {
      m.release();
      in.release();
    }
  }

  /**
   * A JPEG thumbnail (longest side {@code max} px, quality 75) of a JPEG, or null when
   * {@code bytes} is not a JPEG this path can decode. Decoded in colour at the smallest DCT scale
   * (1/8 … 1/1) that still leaves {@code max} px on the longest side, then area-averaged to size:
   * a 640×480 photo becomes a 320×240 decode instead of a full one (the HTML pages' thumbnails
   * cost as much as hashing every image when ImageIO decoded them at full size).
   */
  public static byte[] thumbnail(byte[] bytes, int max) {
    int[] size = size(bytes);
    if (size == null || !available()) return null;
    int longest = Math.max(size[0], size[1]);
    double scale = Math.min(1.0, (double) max / longest);
    int w = Math.max(1, (int) Math.round(size[0] * scale)), h = Math.max(1, (int) Math.round(size[1] * scale));
    int flag = longest >= 8 * max ? Imgcodecs.IMREAD_REDUCED_COLOR_8
        : longest >= 4 * max ? Imgcodecs.IMREAD_REDUCED_COLOR_4
        : longest >= 2 * max ? Imgcodecs.IMREAD_REDUCED_COLOR_2 : Imgcodecs.IMREAD_COLOR;
    MatOfByte in = new MatOfByte(bytes);
    Mat m = Imgcodecs.imdecode(in, flag | IGNORE_ORIENTATION);
    Mat small = new Mat();
    MatOfByte jpeg = new MatOfByte();
    MatOfInt params = new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, 75);
    try {
      if (m.empty()) return null;
      if (m.cols() == w && m.rows() == h) small = m.clone();
      else Imgproc.resize(m, small, new Size(w, h), 0, 0, Imgproc.INTER_AREA);
      return Imgcodecs.imencode(".jpg", small, jpeg, params) ? jpeg.toArray() : null;
    } finally {
      m.release();
      small.release();
      jpeg.release();
      params.release();
      in.release();
    }
  }

  private static boolean available() {
    Boolean a = available;
    if (a == null) {
      synchronized (ReducedJpeg.class) {
        if (available == null) {
          try {
            OpenCv.load();
            available = true;
          } catch (RuntimeException | LinkageError e) {
            available = false; // no native build for this platform: ImageIO decodes instead
          }
        }
        a = available;
      }
    }
    return a;
  }

  /** [width, height] from a JPEG's frame header, or null when the bytes are not a JPEG with one. */
  public static int[] size(byte[] b) {
    if (b.length < 4 || (b[0] & 0xff) != 0xFF || (b[1] & 0xff) != 0xD8) return null;
    int i = 2;
    while (i + 9 < b.length) {
      if ((b[i] & 0xff) != 0xFF) return null;
      int marker = b[i + 1] & 0xff;
      if (marker == 0xFF) { // fill byte
        i++;
        continue;
      }
      int len = ((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff);
      boolean sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
      if (sof) {
        int h = ((b[i + 5] & 0xff) << 8) | (b[i + 6] & 0xff);
        int w = ((b[i + 7] & 0xff) << 8) | (b[i + 8] & 0xff);
        return w > 0 && h > 0 ? new int[] {w, h} : null;
      }
      if (marker == 0xDA || len < 2) return null; // scan before any frame header
      i += 2 + len;
    }
    return null;
  }
}
