package org.trainset.refine.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The native library is extracted once into the cache folder and reused, not re-extracted per start. */
class OpenCvTest {
  @TempDir Path cache;

  @Test void extractsOnceAndReusesTheCachedCopy() throws Exception {
    Assumptions.assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux")
        && System.getProperty("os.arch").equals("amd64"), "the cache applies to linux x86_64");
    Path first = OpenCv.cachedLibrary(cache);
    assertNotNull(first, "extracted from the jar");
    assertTrue(first.startsWith(cache));
    assertTrue(Files.size(first) > 1_000_000);
    FileTime written = FileTime.fromMillis(1_000_000L);
    Files.setLastModifiedTime(first, written);
    Path second = OpenCv.cachedLibrary(cache);
    assertEquals(first, second);
    assertEquals(written, Files.getLastModifiedTime(second), "reused, not written again");
    try (var files = Files.list(first.getParent())) {
      assertEquals(1, files.count(), "no temporary file left behind");
    }
    OpenCv.load(); // and it loads
    assertEquals(4, org.opencv.core.Core.VERSION_MAJOR);
  }
}
