package org.trainset.core.spi;

import java.nio.file.Path;

/**
 * How to write.
 *
 * @param mediaRoot  where the source's media paths are relative to (for copying), or null
 * @param copyMedia  copy media files into the output instead of referencing them
 */
public record WriteOptions(Path mediaRoot, boolean copyMedia) {
  public static WriteOptions defaults() {
    return new WriteOptions(null, false);
  }
}
