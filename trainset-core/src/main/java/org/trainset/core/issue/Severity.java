package org.trainset.core.issue;

import java.util.Locale;

/** How bad an issue is; ordered so that "fail on warning" also fails on errors. */
public enum Severity {
  INFO, WARNING, ERROR;

  /** The lower-case name used in JSON and text ({@code info}, {@code warning}, {@code error}). */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code info}, {@code warning} (or {@code warn}), {@code error}, in any case. */
  public static Severity parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.equals("warn")) return WARNING;
    for (Severity s : values()) {
      if (s.key().equals(t)) return s;
    }
    throw new IllegalArgumentException("unknown severity '" + text + "' (info, warning, error)");
  }

  public boolean atLeast(Severity other) {
    return compareTo(other) >= 0;
  }
}
