package org.trainset.server.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * How a script is shut in: bubblewrap (run by the server as root) builds a new root holding only
 * the system's program folders read-only, the dataset's release read-only at {@code /data}, the
 * job's uploaded files read-only at {@code /job}, a writable {@code /out} and an empty {@code /tmp};
 * new network (nothing but a loopback that is down), PID, IPC, UTS and cgroup namespaces; a cleared
 * environment; killed when the server's child dies. Inside, {@code setpriv} drops to a uid of the
 * job's own with no capabilities and no way to gain any, and {@code prlimit} sets the kernel
 * limits. The job is not root in any namespace: root is exempt from the process limit
 * (RLIMIT_NPROC), which is why no user namespace maps it to root.
 *
 * <p>{@link #probe} runs a tiny job at start-up; when it fails, scripts are refused with its
 * reason and recipes still run.
 */
public final class Isolation {
  /** Whether scripts can run here, and why not. */
  public record Status(boolean available, String reason) {}

  static final Path BWRAP = Path.of("/usr/bin/bwrap");
  static final Path SETPRIV = Path.of("/usr/bin/setpriv");
  static final Path PRLIMIT = Path.of("/usr/bin/prlimit");
  /** System folders a Python or Java program needs; nothing else of the host is visible. */
  private static final List<String> ETC_FILES = List.of("/etc/ld.so.cache", "/etc/ld.so.conf", "/etc/alternatives",
      "/etc/java-17-openjdk", "/etc/ssl/certs/java", "/etc/localtime");

  private Isolation() {}

  /** The folders one job sees. */
  public record Mounts(Path data, Path job, Path out) {}

  /** The whole command: bubblewrap, the uid drop, the limits, then {@code program}. */
  public static List<String> command(Mounts m, int uid, SandboxLimits limits, List<String> program) {
    List<String> c = new ArrayList<>(List.of(BWRAP.toString(),
        "--unshare-ipc", "--unshare-pid", "--unshare-net", "--unshare-uts", "--unshare-cgroup-try",
        "--die-with-parent", "--new-session", "--clearenv",
        "--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID",
        "--ro-bind", "/usr", "/usr",
        "--symlink", "usr/lib", "/lib", "--symlink", "usr/lib64", "/lib64",
        "--symlink", "usr/bin", "/bin", "--symlink", "usr/sbin", "/sbin",
        "--perms", "0755", "--dir", "/etc"));
    for (String f : ETC_FILES) {
      c.add("--ro-bind-try");
      c.add(f);
      c.add(f);
    }
    c.addAll(List.of("--proc", "/proc", "--dev", "/dev",
        "--perms", "1777", "--size", Long.toString(Math.max(limits.outputBytes(), 1 << 20)), "--tmpfs", "/tmp",
        "--ro-bind", m.data().toString(), "/data",
        "--ro-bind", m.job().toString(), "/job",
        "--bind", m.out().toString(), "/out",
        "--chdir", "/out",
        "--setenv", "PATH", "/usr/bin:/bin",
        "--setenv", "HOME", "/tmp",
        "--setenv", "LANG", "C.UTF-8",
        "--setenv", "DATA", "/data",
        "--setenv", "OUT", "/out",
        "--setenv", "PYTHONDONTWRITEBYTECODE", "1",
        "--setenv", "PYTHONUNBUFFERED", "1",
        "--setenv", "MPLCONFIGDIR", "/tmp",
        // one thread per numerical library: threads count against the process limit
        "--setenv", "OPENBLAS_NUM_THREADS", "1", "--setenv", "OMP_NUM_THREADS", "1", "--setenv", "MKL_NUM_THREADS", "1",
        SETPRIV.toString(), "--reuid=" + uid, "--regid=" + uid, "--clear-groups",
        "--inh-caps=-all", "--bounding-set=-all", "--no-new-privs", "--",
        PRLIMIT.toString(),
        // soft limit: SIGXCPU, which the job sees as the CPU limit; the hard limit a second later kills
        "--cpu=" + limits.cpuSeconds() + ":" + (limits.cpuSeconds() + 1),
        "--as=" + limits.memoryBytes(),
        "--nproc=" + limits.processes(),
        "--fsize=" + limits.outputBytes(),
        "--nofile=256", "--core=0", "--"));
    c.addAll(program);
    return c;
  }

  /**
   * Runs a probe job: it must come up as {@code uid} and see no network interface but loopback.
   * Anything else (no bubblewrap, not root, user namespaces or mounts refused) makes scripts
   * unavailable with the reason.
   */
  public static Status probe(Path workDir, int uid) {
    return probe(workDir, uid, List.of(BWRAP, SETPRIV, PRLIMIT));
  }

  /** The probe, given where the tools are expected (a test names a missing one). */
  static Status probe(Path workDir, int uid, List<Path> tools) {
    for (Path tool : tools) {
      if (!Files.isExecutable(tool)) return new Status(false, tool + " is missing (Debian: bubblewrap, util-linux)");
    }
    try {
      Path dir = Files.createTempDirectory(workDir, "probe");
      try {
        Path data = Files.createDirectories(dir.resolve("data"));
        Path job = Files.createDirectories(dir.resolve("job"));
        Path out = Files.createDirectories(dir.resolve("out"));
        Process p = new ProcessBuilder(command(new Mounts(data, job, out), uid, SandboxLimits.DEFAULT,
            List.of("/bin/sh", "-c", "id -u; cat /proc/net/dev")))
            .redirectErrorStream(true).start();
        p.getOutputStream().close();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          return new Status(false, "the isolation probe did not finish in 20 s");
        }
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String first = text.lines().findFirst().orElse("").trim();
        if (p.exitValue() != 0 || !first.equals(Integer.toString(uid))) {
          return new Status(false, "bubblewrap could not start an isolated job (exit " + p.exitValue() + "): "
              + text.strip().lines().limit(3).reduce((a, b) -> a + " / " + b).orElse("no output")
              + (isRoot() ? "" : "; the server must run as root to give each job a uid of its own"));
        }
        for (String line : text.lines().skip(1).toList()) {
          int colon = line.indexOf(':');
          if (colon > 0 && !line.contains("|")) {
            String iface = line.substring(0, colon).trim();
            if (!iface.equals("lo")) return new Status(false, "the probe job saw network interface " + iface);
          }
        }
        return new Status(true, "bubblewrap " + BWRAP + ": no network, read-only data, own uid " + uid + ", kernel limits");
      } finally {
        deleteTree(dir);
      }
    } catch (IOException e) {
      return new Status(false, "isolation probe failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Status(false, "isolation probe interrupted");
    }
  }

  static boolean isRoot() {
    try {
      return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
    try (var s = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) s.sorted(java.util.Comparator.reverseOrder())::iterator) Files.deleteIfExists(p);
    }
  }
}
