package org.trainset.server.http;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.trainset.server.auth.Role;

/** Every API route with its roles; filled by the route groups, read by the server and the tests. */
public final class RouteTable {
  /** Roles that may read a project's items, media and findings. */
  public static final EnumSet<Role> WORKERS = EnumSet.of(Role.ADMIN, Role.MANAGER, Role.ANNOTATOR, Role.REVIEWER);
  /** Every signed-in user. */
  public static final EnumSet<Role> SIGNED_IN = EnumSet.of(Role.ADMIN, Role.MANAGER, Role.ANNOTATOR, Role.REVIEWER, Role.DATAUSER);
  /** Roles that own projects. */
  public static final EnumSet<Role> OWNERS = EnumSet.of(Role.ADMIN, Role.MANAGER);
  /** Open to anyone, signed in or not. */
  public static final EnumSet<Role> PUBLIC = EnumSet.of(Role.ANYONE);

  private final List<Route> routes = new ArrayList<>();

  public RouteTable get(String path, EnumSet<Role> roles, Handler h) { return add(HandlerType.GET, path, roles, h); }
  public RouteTable post(String path, EnumSet<Role> roles, Handler h) { return add(HandlerType.POST, path, roles, h); }
  public RouteTable put(String path, EnumSet<Role> roles, Handler h) { return add(HandlerType.PUT, path, roles, h); }
  public RouteTable patch(String path, EnumSet<Role> roles, Handler h) { return add(HandlerType.PATCH, path, roles, h); }
  public RouteTable delete(String path, EnumSet<Role> roles, Handler h) { return add(HandlerType.DELETE, path, roles, h); }

  public RouteTable add(HandlerType method, String path, EnumSet<Role> roles, Handler h) {
    routes.add(new Route(method, path, roles, h));
    return this;
  }

  public List<Route> routes() {
    return List.copyOf(routes);
  }
}
