package org.trainset.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the shared fixtures live: {@code ../shared} beside the checkout (set by the build as
 * system property {@code trainset.shared}). Missing fixtures fail loudly rather than skipping, so
 * a broken checkout cannot pass as green; a missing {@code ../shared} fails with {@link #MISSING},
 * the sentence the README and {@code run-tests} use too.
 */
public final class SharedFixtures {
  /** What the tests need and where: the same sentence as the README's and run-tests'. */
  public static final String MISSING = "The tests read ../shared beside the checkout (fixtures/external: files made by"
      + " other projects; fixtures/golden: reference outputs; data: reference tables such as DICOM PS3.15 Table E.1-1;"
      + " docs and seed: the AI Hub notes and the Korean seed). Check it out next to the repository or pass"
      + " -Dtrainset.shared=DIR.";

  private SharedFixtures() {}

  public static Path root() {
    String prop = System.getProperty("trainset.shared");
    Path p = prop != null ? Path.of(prop) : Path.of("..", "shared");
    if (!Files.isDirectory(p.resolve("fixtures")) && prop == null) {
      p = Path.of("..", "..", "shared");
    }
    if (!Files.isDirectory(p.resolve("fixtures"))) {
      throw new IllegalStateException(MISSING + " Not found: " + p.toAbsolutePath().normalize());
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

  /** A file or folder under {@code data/} (reference tables). */
  public static Path data(String relative) {
    return existing(root().resolve("data").resolve(relative));
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
