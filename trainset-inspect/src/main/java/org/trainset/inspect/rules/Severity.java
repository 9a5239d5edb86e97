package org.trainset.inspect.rules;

import java.util.Locale;

/** How bad a finding is; ordered so that {@code --fail-on warning} also fails on errors. */
public enum Severity {
  INFO, WARNING, ERROR;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code info}, {@code warning} (or {@code warn}), {@code error}. */
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
