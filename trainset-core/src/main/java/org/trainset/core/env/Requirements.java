package org.trainset.core.env;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;

/** Every registered {@link Requirement}, and the checks requirements share. */
public final class Requirements {
  private Requirements() {}

  /** One requirement's state, for {@code trainset doctor}. */
  public record Status(String name, String debianPackage, String usedBy, String alternative, boolean testsOnly,
                       boolean present, String foundAt) {}

  /** All registered requirements, checked now: run-time ones first, then by name. */
  public static List<Status> check() {
    List<Status> out = new ArrayList<>();
    for (Requirement r : ServiceLoader.load(Requirement.class)) {
      Optional<String> at = r.locate();
      out.add(new Status(r.name(), r.debianPackage(), r.usedBy(), r.alternative(), r.testsOnly(), at.isPresent(), at.orElse("")));
    }
    out.sort(Comparator.comparing(Status::testsOnly).thenComparing(Status::name));
    return out;
  }

  /** The first existing file among {@code paths}. */
  public static Optional<String> firstFile(List<Path> paths) {
    return paths.stream().filter(Files::isRegularFile).map(Path::toString).findFirst();
  }

  /** An executable found on PATH ({@code TRAINSET_TOOLS_PATH} replaces PATH, for tests). */
  public static Optional<String> onPath(String command) {
    String path = System.getenv().getOrDefault("TRAINSET_TOOLS_PATH", System.getenv().getOrDefault("PATH", ""));
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (dir.isEmpty()) continue;
      Path p = Path.of(dir, command);
      if (Files.isExecutable(p)) return Optional.of(p.toString());
    }
    return Optional.empty();
  }

  /** Whether Debian's {@code /usr/bin/python3} imports {@code module}; its version if so. */
  public static Optional<String> pythonModule(String module) {
    Path python = Path.of("/usr/bin/python3");
    if (!Files.isExecutable(python)) return Optional.empty();
    try {
      Process p = new ProcessBuilder(python.toString(), "-c",
          "import " + module + " as m; print(getattr(m, '__version__', 'installed'))").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return Optional.empty();
      }
      return p.exitValue() == 0 ? Optional.of(module + " " + out.lines().reduce((a, b) -> b).orElse("")) : Optional.empty();
    } catch (java.io.IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
