package org.trainset.server.sandbox;

/**
 * What one sandbox job may use. CPU time, address space, processes (threads count), file size and
 * open files are kernel limits (setrlimit) on the job's processes; wall time, the output folder's
 * total size and file count and the log are watched by the server, which kills the job when one is
 * passed. {@code smallCount}: numbers in tables below it are flagged for the checker.
 */
public record SandboxLimits(int cpuSeconds, long memoryBytes, int processes, int wallSeconds, long outputBytes,
                            int outputFiles, long logBytes, int smallCount) {
  /** Defaults for a shared host: 10 CPU minutes, 4 GiB, 256 processes/threads, 30 minutes, 256 MiB out. */
  public static final SandboxLimits DEFAULT = new SandboxLimits(600, 4L << 30, 256, 1800, 256L << 20, 1000, 1L << 20, 10);

  public SandboxLimits {
    if (cpuSeconds < 1 || memoryBytes < (64L << 20) || processes < 8 || wallSeconds < 1 || outputBytes < 1
        || outputFiles < 1 || logBytes < 1024 || smallCount < 0) {
      throw new IllegalArgumentException("sandbox limits out of range: " + this);
    }
  }

  public SandboxLimits withWallSeconds(int s) {
    return new SandboxLimits(cpuSeconds, memoryBytes, processes, s, outputBytes, outputFiles, logBytes, smallCount);
  }

  public SandboxLimits withCpuSeconds(int s) {
    return new SandboxLimits(s, memoryBytes, processes, wallSeconds, outputBytes, outputFiles, logBytes, smallCount);
  }

  public SandboxLimits withMemoryBytes(long b) {
    return new SandboxLimits(cpuSeconds, b, processes, wallSeconds, outputBytes, outputFiles, logBytes, smallCount);
  }

  public SandboxLimits withOutputBytes(long b) {
    return new SandboxLimits(cpuSeconds, memoryBytes, processes, wallSeconds, b, outputFiles, logBytes, smallCount);
  }
}
