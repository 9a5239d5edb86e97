package org.trainset.core.media;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.AttributeSpec;
import org.trainset.core.model.DatasetSchema;
import org.trainset.core.model.LabelDef;

/**
 * Fills the attributes a schema marks automatic ({@link AttributeSpec#auto()}) from the item's
 * media file instead of what anybody typed: {@code image.width} / {@code image.height} from the
 * image header ({@link ImageHeaderProbe}), {@code file.name} (the media's name), and
 * {@code exif.<Tag>} from its EXIF block ({@link ExifReader}). A value the file does not have is
 * removed rather than kept, so a typed guess never passes for a measured one.
 */
public final class AutomaticAttributes {
  /** For error messages: the sources a schema may name. */
  public static final String SOURCES_HELP = "image.width, image.height, file.name, exif.<Tag> (e.g. exif.Model, exif.Make, exif.DateTimeOriginal)";

  private AutomaticAttributes() {}

  public static boolean isKnownSource(String source) {
    return switch (source) {
      case "image.width", "image.height", "file.name" -> true;
      default -> source.startsWith("exif.") && ExifReader.knows(source.substring(5));
    };
  }

  /** True when some label of the schema has an automatic attribute (nothing to do otherwise). */
  public static boolean any(DatasetSchema schema) {
    return schema.labels().stream().anyMatch(l -> l.attributes().stream().anyMatch(AttributeSpec::automatic));
  }

  /** The facts one media file offers, by source name. Reads headers only. */
  public static Map<String, String> facts(Path file, String mediaName) throws IOException {
    Map<String, String> f = new HashMap<>();
    if (mediaName != null) {
      String n = mediaName.replace('\\', '/');
      f.put("file.name", n.substring(n.lastIndexOf('/') + 1));
    }
    if (file != null) {
      int[] size = ImageHeaderProbe.size(file);
      if (size != null) {
        f.put("image.width", Integer.toString(size[0]));
        f.put("image.height", Integer.toString(size[1]));
      }
      ExifReader.read(file).forEach((k, v) -> f.put("exif." + k, v));
    }
    return f;
  }

  /**
   * The annotations with every automatic attribute of their label set from {@code facts}
   * (numbers for {@code number} attributes), whatever value they carried; others unchanged.
   */
  public static List<Annotation> fill(DatasetSchema schema, List<Annotation> annotations, Map<String, String> facts) {
    Map<String, List<AttributeSpec>> autoByLabel = new HashMap<>();
    for (LabelDef l : schema.labels()) {
      List<AttributeSpec> auto = l.attributes().stream().filter(AttributeSpec::automatic).toList();
      if (!auto.isEmpty()) autoByLabel.put(l.name(), auto);
    }
    if (autoByLabel.isEmpty()) return annotations;
    List<Annotation> out = new ArrayList<>(annotations.size());
    for (Annotation a : annotations) {
      List<AttributeSpec> auto = autoByLabel.get(a.label());
      if (auto == null) {
        out.add(a);
        continue;
      }
      Map<String, Object> attrs = new LinkedHashMap<>(a.meta().attributes());
      for (AttributeSpec s : auto) {
        Optional<Object> v = Optional.ofNullable(facts.get(s.auto())).map(x -> typed(s, x));
        if (v.isPresent()) attrs.put(s.name(), v.get()); else attrs.remove(s.name());
      }
      out.add(a.withMeta(a.meta().withAttributes(attrs)));
    }
    return out;
  }

  private static Object typed(AttributeSpec s, String value) {
    if (!s.inputType().equals("number")) return value;
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      return value;
    }
  }
}
