package org.trainset.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the shared fixtures live: {@code ../shared} beside the checkout (set by the build as
 * system property {@code trainset.shared}). Missing fixtures fail loudly rather than skipping, so
 * a broken checkout cannot pass as green.
 */
public final class SharedFixtures {
  private SharedFixtures() {}

  public static Path root() {
    String prop = System.getProperty("trainset.shared");
    Path p = prop != null ? Path.of(prop) : Path.of("..", "shared");
    if (!Files.isDirectory(p)) {
      p = Path.of("..", "..", "shared");
    }
    if (!Files.isDirectory(p)) {
      throw new IllegalStateException("shared fixtures not found (looked at " + prop + " and ../shared); "
          + "check out ../shared next to the repository");
    }
    return p.toAbsolutePath().normalize();
  }

  /** A file or folder under {@code fixtures/external/}. */
  public static Path external(String relative) {
    return existing(root().resolve("fixtures/external").resolve(relative));
  }

  /** A file or folder under {@code fixtures/golden/}. */
  public static Path golden(String relative) {
    return existing(root().resolve("fixtures/golden").resolve(relative));
  }

  /** Shorthand for Datumaro's test assets: {@code datumaro/tests/assets/<relative>}. */
  public static Path datumaro(String relative) {
    return external("datumaro/tests/assets/" + relative);
  }

  private static Path existing(Path p) {
    if (!Files.exists(p)) throw new IllegalStateException("missing shared fixture " + p);
    return p;
  }
}
