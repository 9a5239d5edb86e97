package org.trainset.core.spi;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;

/**
 * Where read parts find their input. A part records its files and folders as location strings
 * (what {@link DatasetReader#plan} saw) and opens them through the {@link ReadOptions#storage()}
 * it is given, never with {@code Path.of} directly: on one machine that is {@link #LOCAL}; on a
 * Spark executor it is a storage over Hadoop {@code FileSystem} URIs ({@code file://},
 * {@code hdfs://}, {@code s3a://}) that hands the part a local view of the remote file or folder.
 * Serialisable because it travels inside {@link ReadOptions} to the executors.
 */
public interface Storage extends Serializable {
  /** The local file system: a location is a path. */
  Storage LOCAL = new LocalStorage();

  /**
   * A local path with the content of {@code location} (a file or a folder with everything in
   * it), ready for the unchanged {@code java.nio.file} readers.
   */
  Path local(String location) throws IOException;

  /** The local file system (serialises to the same singleton's behaviour). */
  final class LocalStorage implements Storage {
    private static final long serialVersionUID = 1L;

    private LocalStorage() {}

    @Override public Path local(String location) {
      return Path.of(location);
    }

    private Object readResolve() {
      return LOCAL;
    }

    @Override public String toString() {
      return "local";
    }
  }
}
