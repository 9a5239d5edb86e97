package org.trainset.refine.video;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.trainset.core.io.InputException;

/**
 * Finds Debian's {@code ffmpeg}/{@code ffprobe} (or those named by {@code TRAINSET_FFMPEG_DIR}) and
 * runs them. Decoding and encoding go through them as subprocesses with raw frames on pipes (see
 * docs/refine.md for why not Java bindings); a missing binary is an input error naming the package.
 */
public final class Ffmpeg {
  private Ffmpeg() {}

  /** The executable {@code name} ({@code ffmpeg}, {@code ffprobe}). */
  public static Path tool(String name) throws InputException {
    List<String> dirs = new ArrayList<>();
    String env = System.getenv("TRAINSET_FFMPEG_DIR");
    if (env != null && !env.isBlank()) dirs.add(env);
    String path = System.getenv("PATH");
    if (path != null) dirs.addAll(List.of(path.split(File.pathSeparator)));
    for (String d : dirs) {
      Path p = Path.of(d).resolve(name);
      if (Files.isExecutable(p)) return p;
    }
    throw new InputException(Path.of(name), "ffmpeg-missing",
        name + " not found on PATH (apt-get install ffmpeg, or set TRAINSET_FFMPEG_DIR)");
  }

  /** True when both tools are installed. */
  public static boolean available() {
    try {
      tool("ffmpeg");
      tool("ffprobe");
      return true;
    } catch (InputException e) {
      return false;
    }
  }

  /** Starts {@code args} with stderr going to a temporary file (read back on failure). */
  static Running start(List<String> args) throws IOException {
    Path err = Files.createTempFile("trainset-ffmpeg-", ".log");
    ProcessBuilder pb = new ProcessBuilder(args).redirectError(err.toFile());
    return new Running(pb.start(), err, args.get(0));
  }

  /** A running tool; {@link #finish} waits for it and turns a failure into an exception. */
  record Running(Process process, Path stderr, String tool) {
    void finish(Path input) throws IOException {
      try {
        int code = process.waitFor();
        if (code != 0) {
          String log = Files.readString(stderr, StandardCharsets.UTF_8).strip();
          if (log.length() > 2000) log = log.substring(log.length() - 2000);
          throw new InputException(input, "ffmpeg-failed", Path.of(tool).getFileName() + " exited with " + code + ": " + log);
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for " + tool, e);
      } finally {
        Files.deleteIfExists(stderr);
      }
    }

    void kill() throws IOException {
      process.destroyForcibly();
      Files.deleteIfExists(stderr);
    }
  }
}
