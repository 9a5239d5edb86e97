package org.trainset.core.spi;

/** A format's answer for one path. */
public record Detection(Format format, double confidence) implements Comparable<Detection> {
  /** Higher confidence first; ties broken by id so results are deterministic. */
  @Override public int compareTo(Detection o) {
    int c = Double.compare(o.confidence, confidence);
    return c != 0 ? c : format.id().compareTo(o.format.id());
  }
}
