package org.trainset.server.auth;

import java.util.Set;

/**
 * The authenticated user of a request.
 *
 * @param csrfToken the session's CSRF token when authenticated by cookie; null for bearer tokens
 */
public record Principal(String userId, String username, Role role, Set<String> orgIds, String csrfToken) {
  public boolean isAdmin() {
    return role == Role.ADMIN;
  }

  public boolean byCookie() {
    return csrfToken != null;
  }
}
