package org.trainset.core.env;

/**
 * A verb cannot run because something outside trainset is not installed. The message is one line
 * that names the Debian package (and the alternative, if any); the CLI maps it to exit 3.
 */
public class MissingRequirementException extends RuntimeException {
  private final String debianPackage;

  public MissingRequirementException(String what, String debianPackage, String alternative) {
    super(what + " is not installed: install Debian package " + debianPackage
        + (alternative == null || alternative.isEmpty() ? "" : " (or " + alternative + ")"));
    this.debianPackage = debianPackage;
  }

  public MissingRequirementException(Requirement r) {
    this(r.name(), r.debianPackage(), r.alternative());
  }

  public String debianPackage() {
    return debianPackage;
  }
}
