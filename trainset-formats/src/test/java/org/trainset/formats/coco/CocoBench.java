package org.trainset.formats.coco;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import org.trainset.core.Datasets;
import org.trainset.core.FormatRegistry;
import org.trainset.core.model.Item;
import org.trainset.core.spi.Format;
import org.trainset.core.spi.ItemCursor;
import org.trainset.core.spi.ReadOptions;
import org.trainset.core.spi.ReadPlan;

/**
 * The COCO benchmark (bench/coco/run.sh), not a test: {@code generate FILE IMAGES PER_IMAGE}
 * writes a synthetic instances file; {@code read FILE} plans and reads it through the coco
 * reader (parse + group by image, every item built) and prints time, MB/s and peak heap.
 */
public final class CocoBench {
  private CocoBench() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[1]);
    if (args[0].equals("generate")) {
      CocoSynth.write(file, Integer.parseInt(args[2]), Integer.parseInt(args[3]), 2017);
      System.out.printf("generated %s: %.1f MB%n", file, Files.size(file) / 1e6);
      return;
    }
    Format coco = FormatRegistry.load().require("coco");
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long c0 = os.getProcessCpuTime();
    long t0 = System.nanoTime();
    ReadPlan plan = Datasets.plan(coco, file, ReadOptions.defaults());
    long t1 = System.nanoTime();
    long c1 = os.getProcessCpuTime();
    long cFirst = 0;
    long items = 0;
    long annotations = 0;
    long firstItem = 0;
    try (ItemCursor c = Datasets.cursor(plan, ReadOptions.defaults())) {
      for (Item i = c.next(); i != null; i = c.next()) {
        if (items == 0) {
          firstItem = System.nanoTime();
          cFirst = os.getProcessCpuTime();
        }
        items++;
        annotations += i.annotations().size();
      }
    }
    long t2 = System.nanoTime();
    long c2 = os.getProcessCpuTime();
    double mb = Files.size(file) / 1e6;
    double secs = (t2 - t0) / 1e9;
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
    }
    System.out.printf("file_mb=%.1f items=%d annotations=%d plan_s=%.2f spill_s=%.2f emit_s=%.2f total_s=%.2f "
            + "mb_per_s=%.1f peak_heap_mb=%.0f max_heap_mb=%d%n"
            + "cpu (all threads, GC and JIT included; JVM start before main not): plan_s=%.2f spill_s=%.2f emit_s=%.2f "
            + "total_s=%.2f%n", mb, items, annotations, (t1 - t0) / 1e9,
        (firstItem - t1) / 1e9, (t2 - firstItem) / 1e9, secs, mb / secs,
        peak / 1e6, Runtime.getRuntime().maxMemory() >> 20,
        (c1 - c0) / 1e9, (cFirst - c1) / 1e9, (c2 - cFirst) / 1e9, (c2 - c0) / 1e9);
  }
}
