package org.trainset.core.media;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.ServiceLoader;
import org.trainset.core.model.MediaRef;

/**
 * Reads what a media file is (kind, size, frames, duration) from its header without decoding
 * it. Probes register with {@link ServiceLoader}; the first that recognises a file answers, so
 * modules add kinds (video, DICOM) without touching the formats that list media.
 */
public interface MediaProbe {
  /** A reference to {@code file} (path given as {@code relativePath}) when this probe knows its kind. */
  Optional<MediaRef> probe(Path file, String relativePath) throws IOException;

  /** Asks every registered probe in turn; empty when none knows the file. */
  static Optional<MediaRef> probeAll(Path file, String relativePath) throws IOException {
    for (MediaProbe p : Probes.ALL) {
      Optional<MediaRef> r = p.probe(file, relativePath);
      if (r.isPresent()) return r;
    }
    return Optional.empty();
  }

  /** Loaded once: probes are stateless. */
  final class Probes {
    static final java.util.List<MediaProbe> ALL =
        ServiceLoader.load(MediaProbe.class).stream().map(ServiceLoader.Provider::get).toList();

    private Probes() {}
  }
}
