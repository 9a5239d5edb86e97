package org.trainset.formats.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.trainset.core.Datasets;
import org.trainset.core.io.InputException;
import org.trainset.core.model.Item;
import org.trainset.core.model.MediaKind;
import org.trainset.core.issue.Issue;
import org.trainset.core.spi.ReadOptions;
import org.trainset.testkit.FormatContract;

/** A collected folder: sizes from headers, metadata joined, other files ignored. */
class MediaFormatTest extends FormatContract {
  @Override protected String formatId() { return "media"; }
  @Override protected long expectedItems() { return 4; }
  @Override protected long expectedAnnotations() { return 0; }

  @Override protected Path sample() throws IOException {
    Path dir = tempDir.resolve("collected");
    if (Files.exists(dir)) return dir;
    Files.createDirectories(dir.resolve("shop/2019"));
    ImageIO.write(new BufferedImage(64, 32, BufferedImage.TYPE_INT_RGB), "png", dir.resolve("a.png").toFile());
    ImageIO.write(new BufferedImage(17, 9, BufferedImage.TYPE_INT_RGB), "jpg", dir.resolve("shop/2019/b.jpg").toFile());
    Files.writeString(dir.resolve("notes.txt"), "collected on site");
    Files.write(dir.resolve("clip.mp4"), new byte[] {0, 0, 0, 8, 'f', 't', 'y', 'p'});
    Files.writeString(dir.resolve("readme.md"), "not media");
    Files.writeString(dir.resolve(MediaFormat.METADATA_CSV),
        "file,source,licence,date\na.png,camera-3,CC-BY-4.0,2019-06-01\nb.jpg,\"shop, Seoul\",own,2019-07-02\n");
    return dir;
  }

  @Test
  void sizesFromHeadersAndMetadataJoined() throws IOException {
    List<Item> items = readAll(sample());
    assertEquals(List.of("a.png", "clip.mp4", "notes.txt", "shop/2019/b.jpg"), items.stream().map(Item::id).toList());
    Item a = items.get(0);
    assertEquals(64, a.width());
    assertEquals(32, a.height());
    assertEquals(Map.of("source", "camera-3", "licence", "CC-BY-4.0", "date", "2019-06-01"), a.attributes());
    Item b = items.get(3);
    assertEquals(17, b.width());
    assertEquals("shop, Seoul", b.attributes().get("source"));
    assertEquals(MediaKind.VIDEO, items.get(1).primaryMedia().kind());
    assertNull(items.get(1).width());
    assertEquals(MediaKind.TEXT, items.get(2).primaryMedia().kind());
  }

  @Test
  void metadataRowWithoutFileIsAWarning() throws IOException {
    Path dir = sample();
    Files.writeString(dir.resolve(MediaFormat.METADATA_CSV), "file,source\na.png,x\nghost.png,y\n");
    List<Issue> problems = new ArrayList<>();
    Datasets.readAll(Datasets.plan(format(), dir, ReadOptions.defaults().withProblems(problems::add)),
        ReadOptions.defaults());
    assertEquals(1, problems.size());
    assertEquals("metadata-row-without-file", problems.get(0).rule());
    assertEquals(3, problems.get(0).line());
  }

  @Test
  void badCsvNamesFileAndLine() throws IOException {
    Path dir = sample();
    Files.writeString(dir.resolve(MediaFormat.METADATA_CSV), "file,source\na.png,x\nb.jpg,y,extra\n");
    InputException e = assertThrows(InputException.class, () -> readAll(dir));
    assertEquals(3, e.line());
    assertTrue(e.getMessage().contains("metadata.csv:3"), e.getMessage());
    Files.writeString(dir.resolve(MediaFormat.METADATA_CSV), "name,source\na.png,x\n");
    assertEquals("metadata-key-column", assertThrows(InputException.class, () -> readAll(dir)).rule());
  }
}
