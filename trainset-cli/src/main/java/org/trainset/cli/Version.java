package org.trainset.cli;

import picocli.CommandLine;

/** The version from the jar manifest (set by the build), or "dev" when run from classes. */
public final class Version implements CommandLine.IVersionProvider {
  @Override public String[] getVersion() {
    String v = Version.class.getPackage().getImplementationVersion();
    return new String[] {"trainset " + (v == null ? "dev" : v)};
  }
}
