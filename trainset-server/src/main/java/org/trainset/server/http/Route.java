package org.trainset.server.http;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.Set;
import org.trainset.server.auth.Role;

/**
 * One API route: method, Javalin path and the roles allowed to call it. The authorisation check
 * and the authorisation-matrix test both read these, so a route cannot exist without its roles.
 */
public record Route(HandlerType method, String path, Set<Role> roles, Handler handler) {
  public Route {
    roles = Set.copyOf(roles);
    if (roles.isEmpty()) throw new IllegalArgumentException(method + " " + path + ": no roles declared");
  }

  /** The path in OpenAPI form: {@code {id}} for Javalin's {@code {id}}, {@code {path}} for {@code <path>} (which may hold slashes). */
  public String openApiPath() {
    return path.replaceAll("<([A-Za-z0-9_]+)>", "{$1}");
  }
}
