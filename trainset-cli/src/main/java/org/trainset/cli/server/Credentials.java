package org.trainset.cli.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.trainset.cli.UsageException;
import org.trainset.core.io.AtomicOutput;

/**
 * Personal access tokens saved by {@code trainset login}, one per server, in
 * {@code $TRAINSET_CONFIG_DIR} or {@code $XDG_CONFIG_HOME/trainset} or {@code ~/.config/trainset}
 * ({@code credentials.json}, readable by the user only). The last server logged in to is the
 * default for {@code push} and {@code pull}.
 */
public final class Credentials {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Credentials() {}

  public static Path dir() {
    String explicit = System.getenv("TRAINSET_CONFIG_DIR");
    if (explicit == null) explicit = System.getProperty("trainset.config.dir");
    if (explicit != null && !explicit.isBlank()) return Path.of(explicit);
    String xdg = System.getenv("XDG_CONFIG_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
    return base.resolve("trainset");
  }

  public static void save(String server, String token) throws IOException {
    ObjectNode all = load();
    all.withObject("/servers").put(normalise(server), token);
    all.put("default", normalise(server));
    Path dir = Files.createDirectories(dir());
    Path file = dir.resolve("credentials.json");
    try (AtomicOutput out = AtomicOutput.file(file)) {
      Files.writeString(out.path(), MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(all));
      try {
        Files.setPosixFilePermissions(out.path(), PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException ignored) {
        // not a POSIX file system
      }
      out.commit();
    }
  }

  /** The server to use: the one given, else the last one logged in to. */
  public static String server(String given) throws IOException {
    if (given != null) return normalise(given);
    String d = load().path("default").asText(null);
    if (d == null) throw new UsageException("no server: run 'trainset login URL' first or give --server URL");
    return d;
  }

  /** The token saved for {@code server}. */
  public static String token(String server) throws IOException {
    return Optional.ofNullable(load().path("servers").path(normalise(server)).asText(null))
        .orElseThrow(() -> new UsageException("not logged in to " + server + ": run 'trainset login " + server + "'"));
  }

  private static ObjectNode load() throws IOException {
    Path file = dir().resolve("credentials.json");
    if (!Files.exists(file)) return MAPPER.createObjectNode();
    return (ObjectNode) MAPPER.readTree(file.toFile());
  }

  static String normalise(String url) {
    String u = url.strip();
    while (u.endsWith("/")) u = u.substring(0, u.length() - 1);
    if (!u.startsWith("http://") && !u.startsWith("https://")) throw new UsageException("server: expected an http(s) URL, got '" + url + "'");
    return u;
  }
}
