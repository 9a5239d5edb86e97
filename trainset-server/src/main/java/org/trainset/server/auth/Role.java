package org.trainset.server.auth;

import io.javalin.security.RouteRole;
import java.util.Arrays;
import java.util.Locale;

/** What a user may do on the platform. {@link #ANYONE} marks routes open without logging in. */
public enum Role implements RouteRole {
  ADMIN, MANAGER, ANNOTATOR, REVIEWER, DATAUSER, ANYONE;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The user roles (without {@link #ANYONE}). */
  public static Role[] userRoles() {
    return Arrays.stream(values()).filter(r -> r != ANYONE).toArray(Role[]::new);
  }

  public static Role fromKey(String key) {
    for (Role r : userRoles()) if (r.key().equalsIgnoreCase(key)) return r;
    throw new IllegalArgumentException("unknown role '" + key + "' (one of admin, manager, annotator, reviewer, datauser)");
  }
}
