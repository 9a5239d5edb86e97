package org.trainset.core.media;

import java.io.IOException;
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

  static String extension(Path file) {
    String n = file.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
