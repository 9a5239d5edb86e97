package org.trainset.server.access;

import java.util.Locale;

/**
 * How a dataset (or one version or subset of it) is handed out, from least to most strict:
 * {@code open} to anyone, {@code signin} to any signed-in user, {@code gated} to holders of a
 * grant (after an access request), {@code sandbox}: never downloaded, only computed on by
 * grant holders.
 */
public enum AccessMode {
  OPEN, SIGNIN, GATED, SANDBOX;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static AccessMode fromKey(String key) {
    for (AccessMode m : values()) if (m.key().equals(key)) return m;
    throw new IllegalArgumentException("mode: expected one of open, signin, gated, sandbox, got '" + key + "'");
  }

  /** The stricter of the two. */
  public AccessMode stricter(AccessMode other) {
    return other.ordinal() > ordinal() ? other : this;
  }
}
