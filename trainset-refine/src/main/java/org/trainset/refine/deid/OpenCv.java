package org.trainset.refine.deid;

/** Loads OpenCV's native library (bundled for linux x86_64 and others by org.openpnp:opencv) once. */
public final class OpenCv {
  private static volatile boolean loaded;

  private OpenCv() {}

  public static synchronized void load() {
    if (!loaded) {
      nu.pattern.OpenCV.loadLocally();
      loaded = true;
    }
  }
}
