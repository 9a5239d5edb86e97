package org.trainset.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Automatic attributes over HTTP: a schema marks width, height, device and capture time as
 * {@code auto}; the import fills them from the image, a save that sends wrong values gets them
 * replaced from the stored file, and a live check of a draft reports nothing about them.
 */
class AutomaticAttributesTest {
  @Nested class OnSqlite extends Cases { OnSqlite() { super(TestDatabases.SQLITE); } }
  @Nested class OnPostgresql extends Cases { OnPostgresql() { super(TestDatabases.POSTGRESQL); } }

  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  abstract static class Cases extends ServerTestBase {
    String item;

    Cases(TestDatabases db) {
      super(db);
    }

    @BeforeAll void importPhotoWithExif() throws Exception {
      Path dir = tempDir("auto");
      Files.write(dir.resolve("cam.jpg"), jpegWithExif(320, 200, "Galaxy S21", "2024:05:01 09:30:00"));
      Files.writeString(dir.resolve("dataset.json"), """
          {"format": "trainset-dataset", "schema": {"name": "photos", "labels": [{"name": "photo", "type": "tag", "attributes": [
            {"name": "width", "inputType": "number", "auto": "image.width"},
            {"name": "height", "inputType": "number", "auto": "image.height"},
            {"name": "device", "inputType": "text", "auto": "exif.Model"},
            {"name": "taken", "inputType": "text", "auto": "exif.DateTimeOriginal"},
            {"name": "weather", "inputType": "select", "values": ["sun", "rain"]}]}]}}
          """);
      Files.createDirectories(dir.resolve("items"));
      Files.writeString(dir.resolve("items/part-00000.jsonl"),
          "{\"id\": \"cam\", \"media\": [{\"kind\": \"image\", \"path\": \"cam.jpg\"}], \"annotations\": ["
              + "{\"type\": \"tag\", \"label\": \"photo\", \"attributes\": {\"width\": 1, \"device\": \"typed\", \"weather\": \"sun\"}}]}\n");
      String project = newProject("photos");
      JsonNode op = importFolder(manager(), project, dir);
      assertEquals("done", op.get("state").asText(), op.toString());
      item = manager().get("/api/projects/" + project + "/items?limit=1").json().get("items").get(0).get("id").asText();
    }

    private static void assertFilled(JsonNode tag) {
      JsonNode a = tag.get("attributes");
      assertEquals(320, a.get("width").asInt(), a.toString());
      assertEquals(200, a.get("height").asInt(), a.toString());
      assertEquals("Galaxy S21", a.get("device").asText(), a.toString());
      assertEquals("2024:05:01 09:30:00", a.get("taken").asText(), a.toString());
    }

    @Test @Order(1) void theImportFillsAutomaticAttributesFromTheImage() {
      JsonNode got = manager().get("/api/items/" + item).json();
      assertFilled(got.get("annotations").get(0));
      assertEquals("sun", got.get("annotations").get(0).get("attributes").get("weather").asText(), "typed attributes are kept");
    }

    @Test @Order(2) void aSaveWithWrongValuesGetsThemReplacedFromTheStoredFile() {
      JsonNode got = manager().get("/api/items/" + item).json();
      ArrayNode anns = ((ArrayNode) got.get("annotations")).deepCopy();
      ObjectNode attrs = (ObjectNode) anns.get(0).get("attributes");
      attrs.put("width", 9999).put("height", "tall").put("device", "my phone").put("weather", "rain");
      attrs.remove("taken");
      var saved = annotator().put("/api/items/" + item + "/annotations", anns, "If-Match", got.get("version").asText());
      assertEquals(200, saved.status(), saved.toString());
      JsonNode after = manager().get("/api/items/" + item).json();
      assertFilled(after.get("annotations").get(0));
      assertEquals("rain", after.get("annotations").get(0).get("attributes").get("weather").asText());
      JsonNode last = manager().get("/api/items/" + item + "/versions").json().get("versions");
      JsonNode stored = last.get(last.size() - 1).get("annotations").get(0);
      assertFilled(stored);
    }

    @Test @Order(3) void theLiveCheckOfADraftSaysNothingAboutAutomaticAttributes() {
      var r = annotator().post("/api/items/" + item + "/check", Map.of("annotations", List.of(
          Map.of("type", "tag", "label", "photo", "attributes", Map.of("width", "not a number", "device", 7)))));
      assertEquals(200, r.status(), r.toString());
      for (JsonNode f : r.json().get("findings")) {
        String text = f.toString();
        assertFalse(text.contains("width") || text.contains("device") || text.contains("not a number"), text);
      }
      assertTrue(r.json().has("findings"));
    }
  }

  /** A baseline JPEG with an EXIF block (big-endian TIFF: IFD0 Model, Exif IFD DateTimeOriginal). */
  static byte[] jpegWithExif(int w, int h, String model, String taken) throws Exception {
    ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB), "jpg", jpeg);
    byte[] m = (model + "\0").getBytes(StandardCharsets.US_ASCII);
    byte[] t = (taken + "\0").getBytes(StandardCharsets.US_ASCII);
    int ifd0 = 8, ifd0Size = 2 + 2 * 12 + 4, exifIfd = ifd0 + ifd0Size, exifSize = 2 + 12 + 4;
    int modelAt = exifIfd + exifSize, takenAt = modelAt + m.length;
    ByteBuffer tiff = ByteBuffer.allocate(takenAt + t.length);
    tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(ifd0);
    tiff.putShort((short) 2);
    tiff.putShort((short) 0x0110).putShort((short) 2).putInt(m.length).putInt(modelAt);
    tiff.putShort((short) 0x8769).putShort((short) 4).putInt(1).putInt(exifIfd);
    tiff.putInt(0);
    tiff.putShort((short) 1);
    tiff.putShort((short) 0x9003).putShort((short) 2).putInt(t.length).putInt(takenAt);
    tiff.putInt(0);
    tiff.put(m).put(t);
    byte[] body = tiff.array();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] src = jpeg.toByteArray();
    out.write(src, 0, 2); // SOI
    int len = 2 + 6 + body.length;
    out.write(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (len >> 8), (byte) len});
    out.write("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
    out.write(body);
    out.write(src, 2, src.length - 2);
    return out.toByteArray();
  }
}
