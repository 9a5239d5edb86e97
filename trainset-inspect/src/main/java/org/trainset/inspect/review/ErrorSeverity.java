package org.trainset.inspect.review;

import java.util.Locale;

/** Review error severities, as in MQM and acceptance sampling: minor, major, critical. */
public enum ErrorSeverity {
  MINOR, MAJOR, CRITICAL;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ErrorSeverity parse(String s) {
    try {
      return valueOf(s.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown severity '" + s + "' (minor, major, critical)");
    }
  }
}
