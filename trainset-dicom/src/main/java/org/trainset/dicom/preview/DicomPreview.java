package org.trainset.dicom.preview;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.trainset.core.io.AtomicOutput;
import org.trainset.core.io.InputException;
import org.trainset.dicom.io.DicomElement;
import org.trainset.dicom.io.DicomFile;
import org.trainset.dicom.io.DicomObject;
import org.trainset.dicom.io.Tags;

/**
 * Renders the first frame of uncompressed pixel data to an 8-bit image so people can look at it:
 * monochrome through Modality LUT (rescale slope/intercept) and the linear VOI window of PS3.3
 * C.11.2.1.2 (the file's first window centre/width, else the frame's min–max), MONOCHROME1
 * inverted; RGB (8-bit, either planar configuration) as is.
 */
public final class DicomPreview {
  private DicomPreview() {}

  public static BufferedImage render(DicomFile file) throws InputException {
    DicomObject ds = file.dataset();
    DicomElement px = ds.get(Tags.PIXEL_DATA).orElseThrow(() -> new InputException(file.source(), "dicom.preview", "no Pixel Data"));
    if (px.isEncapsulated()) {
      throw new InputException(file.source(), "dicom.preview", "compressed pixel data (" + file.transferSyntax().uid()
          + ") is not decoded; decompress first (e.g. dcmdjpeg)");
    }
    int rows = ds.intValue(Tags.ROWS, 0);
    int cols = ds.intValue(Tags.COLUMNS, 0);
    int spp = ds.intValue(Tags.SAMPLES_PER_PIXEL, 1);
    int bits = ds.intValue(Tags.BITS_ALLOCATED, 16);
    byte[] b = px.bytes();
    long need = (long) rows * cols * spp * (bits / 8);
    if (rows <= 0 || cols <= 0 || (bits != 8 && bits != 16) || b.length < need) {
      throw new InputException(file.source(), "dicom.preview", "unsupported or short pixel data: " + rows + "x" + cols
          + ", " + spp + " samples, " + bits + " bits, " + b.length + " bytes");
    }
    return spp == 3 ? rgb(ds, b, rows, cols) : mono(ds, b, rows, cols, bits);
  }

  public static void writePng(DicomFile file, Path png) throws IOException {
    BufferedImage img = render(file);
    AtomicOutput.writeFile(png, os -> ImageIO.write(img, "png", os));
  }

  private static BufferedImage rgb(DicomObject ds, byte[] b, int rows, int cols) {
    boolean planar = ds.intValue(Tags.PLANAR_CONFIGURATION, 0) == 1;
    BufferedImage img = new BufferedImage(cols, rows, BufferedImage.TYPE_INT_RGB);
    int n = rows * cols;
    for (int i = 0; i < n; i++) {
      int r = planar ? b[i] & 0xFF : b[3 * i] & 0xFF;
      int g = planar ? b[n + i] & 0xFF : b[3 * i + 1] & 0xFF;
      int bl = planar ? b[2 * n + i] & 0xFF : b[3 * i + 2] & 0xFF;
      img.setRGB(i % cols, i / cols, r << 16 | g << 8 | bl);
    }
    return img;
  }

  private static BufferedImage mono(DicomObject ds, byte[] b, int rows, int cols, int bits) {
    boolean signed = ds.intValue(Tags.PIXEL_REPRESENTATION, 0) == 1;
    int stored = ds.intValue(Tags.BITS_STORED, bits);
    double slope = ds.doubleValue(Tags.RESCALE_SLOPE, 1);
    double intercept = ds.doubleValue(Tags.RESCALE_INTERCEPT, 0);
    int n = rows * cols;
    double[] v = new double[n];
    double min = Double.MAX_VALUE;
    double max = -Double.MAX_VALUE;
    for (int i = 0; i < n; i++) {
      int raw = bits == 8 ? b[i] & 0xFF : (b[2 * i] & 0xFF) | (b[2 * i + 1] & 0xFF) << 8;
      raw &= (1 << stored) - 1;
      if (signed && (raw & (1 << (stored - 1))) != 0) raw -= 1 << stored;
      v[i] = raw * slope + intercept;
      min = Math.min(min, v[i]);
      max = Math.max(max, v[i]);
    }
    double c = ds.doubleValue(Tags.WINDOW_CENTER, Double.NaN);
    double w = ds.doubleValue(Tags.WINDOW_WIDTH, Double.NaN);
    if (Double.isNaN(c) || Double.isNaN(w) || w < 1) {
      c = (min + max) / 2 + 0.5; // a window spanning exactly min..max
      w = max - min + 1;
    }
    boolean invert = "MONOCHROME1".equals(ds.string(Tags.PHOTOMETRIC_INTERPRETATION).orElse(""));
    BufferedImage img = new BufferedImage(cols, rows, BufferedImage.TYPE_BYTE_GRAY);
    byte[] out = ((java.awt.image.DataBufferByte) img.getRaster().getDataBuffer()).getData();
    for (int i = 0; i < n; i++) {
      int g = window(v[i], c, w);
      out[i] = (byte) (invert ? 255 - g : g);
    }
    return img;
  }

  /** PS3.3 C.11.2.1.2.1 linear VOI function to 0..255. */
  static int window(double x, double c, double w) {
    if (x <= c - 0.5 - (w - 1) / 2) return 0;
    if (x > c - 0.5 + (w - 1) / 2) return 255;
    return (int) Math.round(((x - (c - 0.5)) / (w - 1) + 0.5) * 255);
  }
}
