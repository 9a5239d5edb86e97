package org.trainset.core.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.trainset.core.model.MediaKind;
import org.trainset.core.model.MediaRef;

/** Image sizes from PNG/JPEG/GIF/BMP headers via ImageIO, without decoding pixels. */
public final class ImageHeaderProbe implements MediaProbe {
  private static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp", "gif", "tif", "tiff", "webp");

  @Override public Optional<MediaRef> probe(Path file, String relativePath) throws IOException {
    String ext = extension(file);
    if (!EXTENSIONS.contains(ext)) return Optional.empty();
    int[] size = size(file);
    return Optional.of(new MediaRef(MediaKind.IMAGE, relativePath,
        size == null ? null : size[0], size == null ? null : size[1], Map.of()));
  }

  /** {width, height} from the header, or null when no ImageIO reader understands the file. */
  public static int[] size(Path file) throws IOException {
    // JPEG and PNG headers are parsed here from the first bytes: ImageIO's reader lookup and
    // native header read cost about as much as hashing the image (dataset readers probe every file).
    int[] fast = fromHead(file);
    if (fast != null) return fast;
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      if (in == null) return null;
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) return null;
      ImageReader r = readers.next();
      try {
        r.setInput(in, true, true);
        return new int[] {r.getWidth(0), r.getHeight(0)};
      } catch (IOException | RuntimeException e) {
        return null;
      } finally {
        r.dispose();
      }
    }
  }

  private static final int HEAD = 64 * 1024;

  private static int[] fromHead(Path file) throws IOException {
    byte[] head = new byte[HEAD];
    int n = 0;
    try (InputStream in = Files.newInputStream(file)) {
      for (int r; n < HEAD && (r = in.read(head, n, HEAD - n)) > 0; ) n += r;
    } catch (NoSuchFileException e) {
      return null; // ImageIO's path reports it as before
    }
    if (n >= 24 && (head[0] & 0xff) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G'
        && head[12] == 'I' && head[13] == 'H' && head[14] == 'D' && head[15] == 'R') {
      int w = int32(head, 16), h = int32(head, 20);
      return w > 0 && h > 0 ? new int[] {w, h} : null;
    }
    return jpegSize(head, n);
  }

  private static int int32(byte[] b, int i) {
    return ((b[i] & 0xff) << 24) | ((b[i + 1] & 0xff) << 16) | ((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff);
  }

  /**
   * [width, height] from the frame header (SOFn) of a JPEG in {@code b[0..len)}, or null when the
   * bytes are not a JPEG or no frame header comes before the first scan within them.
   */
  public static int[] jpegSize(byte[] b, int len) {
    if (len < 4 || (b[0] & 0xff) != 0xFF || (b[1] & 0xff) != 0xD8) return null;
    int i = 2;
    while (i + 9 < len) {
      if ((b[i] & 0xff) != 0xFF) return null;
      int marker = b[i + 1] & 0xff;
      if (marker == 0xFF) { // fill byte
        i++;
        continue;
      }
      int segment = ((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff);
      boolean sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
      if (sof) {
        int h = ((b[i + 5] & 0xff) << 8) | (b[i + 6] & 0xff);
        int w = ((b[i + 7] & 0xff) << 8) | (b[i + 8] & 0xff);
        return w > 0 && h > 0 ? new int[] {w, h} : null;
      }
      if (marker == 0xDA || segment < 2) return null; // scan before any frame header
      i += 2 + segment;
    }
    return null;
  }

  static String extension(Path file) {
    String n = file.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
