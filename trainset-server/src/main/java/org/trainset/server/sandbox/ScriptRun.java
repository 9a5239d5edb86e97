package org.trainset.server.sandbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs one isolated command to its end: its output lines go to {@code log} as they come; the
 * server kills it (its whole process tree: bubblewrap's PID namespace dies with its first process)
 * when the wall time passes or the output folder grows past its size or file-count limit.
 */
final class ScriptRun {
  /** How it ended; {@code killedFor} null when the program exited by itself. */
  record Outcome(int exitCode, String killedFor, long millis) {
    /** The reason a job failed, or null when it succeeded. */
    String failure() {
      if (killedFor != null) return killedFor;
      if (exitCode == 0) return null;
      if (exitCode == 128 + 24) return "stopped at the CPU time limit (exit " + exitCode + ")";
      if (exitCode == 128 + 25) return "stopped at the file size limit (exit " + exitCode + ")";
      if (exitCode > 128) return "killed by signal " + (exitCode - 128) + " (exit " + exitCode + ")";
      return "the program failed (exit " + exitCode + ")";
    }
  }

  private static final long POLL_MILLIS = 100;

  private ScriptRun() {}

  static Outcome run(List<String> command, Path out, SandboxLimits limits, Consumer<String> log)
      throws IOException, InterruptedException {
    long start = System.currentTimeMillis();
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getOutputStream().close();
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) log.accept(line);
      } catch (IOException e) {
        // the pipe closes when the process is killed; nothing more to read
      }
    }, "sandbox-log");
    reader.setDaemon(true);
    reader.start();
    String killedFor = null;
    long deadline = start + limits.wallSeconds() * 1000L;
    while (!p.waitFor(POLL_MILLIS, java.util.concurrent.TimeUnit.MILLISECONDS)) {
      if (System.currentTimeMillis() > deadline) {
        killedFor = "killed at the wall-time limit of " + limits.wallSeconds() + " s";
      } else {
        killedFor = outputProblem(out, limits);
      }
      if (killedFor != null) {
        kill(p);
        break;
      }
    }
    int code = p.waitFor();
    reader.join(2000);
    if (killedFor == null) killedFor = outputProblem(out, limits);
    return new Outcome(code, killedFor, System.currentTimeMillis() - start);
  }

  /** Kills the command and everything it started (bubblewrap's namespace init takes its children with it). */
  static void kill(Process p) {
    p.descendants().forEach(ProcessHandle::destroyForcibly);
    p.destroyForcibly();
  }

  /** Null while the output folder is within its limits. */
  static String outputProblem(Path out, SandboxLimits limits) {
    long[] bytesFiles = {0, 0};
    try {
      Files.walkFileTree(out, new java.nio.file.SimpleFileVisitor<>() {
        @Override public java.nio.file.FileVisitResult visitFile(Path f, BasicFileAttributes a) {
          bytesFiles[0] += a.size();
          bytesFiles[1]++;
          return java.nio.file.FileVisitResult.CONTINUE;
        }

        @Override public java.nio.file.FileVisitResult visitFileFailed(Path f, IOException e) {
          return java.nio.file.FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      return null;
    }
    if (bytesFiles[0] > limits.outputBytes()) return "killed: outputs passed the size limit of " + limits.outputBytes() + " bytes";
    if (bytesFiles[1] > limits.outputFiles()) return "killed: outputs passed the limit of " + limits.outputFiles() + " files";
    return null;
  }

  static boolean isPlainFile(Path p) {
    return Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS);
  }
}
