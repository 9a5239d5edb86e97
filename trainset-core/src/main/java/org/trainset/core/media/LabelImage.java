package org.trainset.core.media;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.trainset.core.io.InputException;

/**
 * A PNG whose pixels are labels, not colours: COCO panoptic segment maps (id = R + 256·G +
 * 256²·B), Pascal VOC SegmentationClass/SegmentationObject maps (palette indices, or RGB colours
 * in exports that dropped the palette). Pixel values are kept exactly: a palette PNG gives its
 * indices ({@link #indexed()}), anything else the packed RGB value. The size is checked against
 * {@link #MAX_PIXELS} before any pixel is decoded, so a PNG that declares a huge size is refused
 * with its file named rather than exhausting memory.
 *
 * @param width   pixels per row
 * @param height  rows
 * @param values  row-major pixel values
 * @param indexed whether {@code values} are palette indices (else packed R + 256·G + 256²·B)
 */
public record LabelImage(int width, int height, int[] values, boolean indexed) {
  /** Largest label map accepted (100 megapixels, 400 MB as ints); COCO panoptic PNGs are ~0.3 MP. */
  public static final long MAX_PIXELS = 100_000_000L;

  /** Packs a colour the way panoptic ids are packed. */
  public static int pack(int r, int g, int b) {
    return r + 256 * g + 65536 * b;
  }

  /** The value at ({@code x}, {@code y}). */
  public int at(int x, int y) {
    return values[y * width + x];
  }

  /** Reads {@code png}; any decoding failure is an {@link InputException} naming the file. */
  public static LabelImage read(Path png) throws IOException {
    if (!Files.isRegularFile(png)) {
      throw new InputException(png, "label-png", Files.exists(png) ? "not a regular file" : "no such file");
    }
    try (ImageInputStream in = ImageIO.createImageInputStream(png.toFile())) {
      Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
      if (readers == null || !readers.hasNext()) {
        throw new InputException(png, "label-png", "not an image file (no decoder recognises it)");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        long w = reader.getWidth(0);
        long h = reader.getHeight(0);
        if (w * h > MAX_PIXELS) {
          throw new InputException(png, "label-png-size",
              "declares " + w + "x" + h + " pixels, over the limit of " + MAX_PIXELS);
        }
        BufferedImage image = reader.read(0);
        return of(image);
      } finally {
        reader.dispose();
      }
    } catch (InputException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      if (why.length() > 120) why = why.substring(0, 120) + "…";
      throw new InputException(png, -1, -1, null, "label-png", "cannot decode the PNG: " + why, e);
    }
  }

  /** The label values of a decoded image. */
  static LabelImage of(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    int[] values = new int[w * h];
    Raster raster = image.getRaster();
    if (image.getColorModel() instanceof IndexColorModel) {
      raster.getSamples(0, 0, w, h, 0, values);
      return new LabelImage(w, h, values, true);
    }
    int bands = raster.getNumBands();
    if (bands < 3) {
      raster.getSamples(0, 0, w, h, 0, values);
      return new LabelImage(w, h, values, false);
    }
    int[] px = new int[bands];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        raster.getPixel(x, y, px);
        values[y * w + x] = pack(px[0], px[1], px[2]);
      }
    }
    return new LabelImage(w, h, values, false);
  }

  /** Row-major bitmap of the pixels equal to {@code value} (1 = set). */
  public byte[] bitmap(int value) {
    byte[] bits = new byte[values.length];
    for (int i = 0; i < values.length; i++) if (values[i] == value) bits[i] = 1;
    return bits;
  }
}
