package org.trainset.core.env;

import java.util.Optional;

/**
 * Something outside the jar that a verb needs at run time (a font, OpenCV's cascades) or that the
 * tests compare against (a Python library, dcmtk). Modules register theirs with
 * {@link java.util.ServiceLoader}; {@code trainset doctor} lists them all, and the code that
 * needs one throws {@link MissingRequirementException} naming the Debian package when it is absent.
 */
public interface Requirement {
  /** What it is, e.g. "CJK font". */
  String name();

  /** The Debian package that provides it. */
  String debianPackage();

  /** Who needs it, e.g. "trainset sample (Korean text in images)" or "tests: DICOM interoperability". */
  String usedBy();

  /** Another way to provide it (a system property, environment variable or option), or "". */
  default String alternative() {
    return "";
  }

  /** True when only the tests need it (a verb never does). */
  default boolean testsOnly() {
    return false;
  }

  /** Where it was found (a path or version), or empty when it is missing. */
  Optional<String> locate();
}
