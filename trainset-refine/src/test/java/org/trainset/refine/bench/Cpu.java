package org.trainset.refine.bench;

import java.lang.management.ManagementFactory;

/** Process CPU time: on a shared machine wall time depends on other load; CPU-seconds / cores does not. */
final class Cpu {
  private Cpu() {}

  static double seconds() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) return sun.getProcessCpuTime() / 1e9;
    return Double.NaN;
  }
}
