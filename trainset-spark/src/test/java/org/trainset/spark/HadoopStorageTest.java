package org.trainset.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.core.Datasets;
import org.trainset.core.FormatRegistry;
import org.trainset.core.model.Item;
import org.trainset.core.spi.Format;
import org.trainset.core.spi.ReadOptions;
import org.trainset.core.spi.ReadPart;
import org.trainset.core.spi.ReadPlan;
import org.trainset.testkit.PartSerialisation;

/**
 * Parts read through {@link HadoopStorage}: a {@code file:} location is opened in place; the
 * staging path other schemes take (forced here on {@code file:}, the only file system in a test)
 * copies each part's folder once and reads the same items; the storage serialises with the options.
 */
class HadoopStorageTest {
  @TempDir Path tmp;

  @Test void partsReadTheSameItemsInPlaceAndStaged() throws Exception {
    Path data = tmp.resolve("sidewalk");
    assertEquals(0, SparkTestSession.cli("sample", "aihub.sidewalk", "--out", data.toString(), "--items", "6").exitCode());
    Format format = FormatRegistry.load().detect(data);
    ReadPlan plan = Datasets.plan(format, data, ReadOptions.defaults());
    Configuration conf = new Configuration();
    HadoopStorage inPlace = new HadoopStorage(data.toUri().toString(), data.toString(), conf, false);
    HadoopStorage staged = new HadoopStorage(data.toUri().toString(), data.toString(), conf, true);
    for (ReadPart part : plan.parts()) {
      List<Item> local = PartSerialisation.read(part, ReadOptions.defaults());
      ReadOptions shipped = (ReadOptions) PartSerialisation.roundTrip(ReadOptions.defaults().withStorage(staged));
      assertEquals(local, PartSerialisation.read(part, shipped), part.describe() + " staged");
      assertEquals(local, PartSerialisation.read(part, ReadOptions.defaults().withStorage(inPlace)), part.describe());
    }
    String folder = plan.parts().get(0).describe();
    Path copy = staged.local(folder);
    assertNotEquals(Path.of(folder), copy, "staged elsewhere");
    assertTrue(Files.isDirectory(copy) && copy.startsWith(Path.of(System.getProperty("java.io.tmpdir"))), copy.toString());
    assertEquals(Path.of(folder), inPlace.local(folder));
  }
}
