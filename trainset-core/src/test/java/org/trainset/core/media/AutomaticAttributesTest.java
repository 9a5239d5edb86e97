package org.trainset.core.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.core.json.ModelJson;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.AnnotationMeta;
import org.trainset.core.model.DatasetSchema;
import org.trainset.core.model.Tag;

/** The schema's {@code auto} mark, and filling from image headers; damaged files give no facts, not errors. */
class AutomaticAttributesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static DatasetSchema schema(String attrs) throws Exception {
    return ModelJson.readSchema(JSON.readTree("{\"labels\": [{\"name\": \"photo\", \"attributes\": [" + attrs + "]}]}"));
  }

  @Test void schemasWithoutAutoReadAsBeforeAndUnknownSourcesAreRefused() throws Exception {
    assertNull(schema("{\"name\": \"w\", \"inputType\": \"number\"}").labels().get(0).attributes().get(0).auto());
    assertEquals("exif.Model", schema("{\"name\": \"d\", \"auto\": \"exif.Model\"}").labels().get(0).attributes().get(0).auto());
    var e = assertThrows(IllegalArgumentException.class, () -> schema("{\"name\": \"d\", \"auto\": \"exif.Nope\"}"));
    assertTrue(e.getMessage().contains("'d'") && e.getMessage().contains("exif.Nope"), e.getMessage());
  }

  @Test void fillReplacesTypedValuesAndRemovesWhatTheFileLacks(@TempDir Path dir) throws Exception {
    Path png = dir.resolve("a.png");
    ImageIO.write(new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB), "png", png.toFile());
    DatasetSchema s = schema("{\"name\": \"w\", \"inputType\": \"number\", \"auto\": \"image.width\"},"
        + "{\"name\": \"f\", \"auto\": \"file.name\"}, {\"name\": \"d\", \"auto\": \"exif.Model\"}, {\"name\": \"note\"}");
    Annotation typed = new Tag(AnnotationMeta.of("photo").withAttributes(Map.of("w", 1, "d", "typed", "note", "kept")));
    Map<String, Object> got = AutomaticAttributes.fill(s, List.of(typed), AutomaticAttributes.facts(png, "imgs/a.png"))
        .get(0).meta().attributes();
    assertEquals(64L, ((Number) got.get("w")).longValue());
    assertEquals("a.png", got.get("f"));
    assertFalse(got.containsKey("d"), "a PNG has no EXIF model: the typed guess is removed");
    assertEquals("kept", got.get("note"));
  }

  @Test void truncatedOrDamagedExifGivesNoFactsNotAnError(@TempDir Path dir) throws Exception {
    ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "jpg", jpeg);
    byte[] src = jpeg.toByteArray();
    // an APP1 Exif segment whose TIFF offsets point past its end
    byte[] bad = {(byte) 0xFF, (byte) 0xE1, 0, 22, 'E', 'x', 'i', 'f', 0, 0, 'M', 'M', 0, 42, 0, 0, 0, 8, 0, 9, 1, 16, 0, 2};
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(src, 0, 2);
    out.write(bad);
    out.write(src, 2, src.length - 2);
    Path f = dir.resolve("bad.jpg");
    Files.write(f, out.toByteArray());
    assertEquals(Map.of(), ExifReader.read(f));
    Path cut = dir.resolve("cut.jpg");
    Files.write(cut, Arrays.copyOf(out.toByteArray(), 12));
    assertEquals(Map.of(), ExifReader.read(cut));
  }
}
