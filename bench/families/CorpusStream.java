import java.nio.file.Files;
import java.nio.file.Path;
import org.trainset.core.Datasets;
import org.trainset.core.FormatRegistry;
import org.trainset.core.model.Item;
import org.trainset.core.sample.SampleOptions;
import org.trainset.core.spi.ItemCursor;
import org.trainset.core.spi.ReadOptions;
import org.trainset.families.corpus.CorpusSampleGenerator;

/** gen DIR N: writes an N-row corpus sample; read DIR: streams it and prints rows/s and peak heap. */
public class CorpusStream {
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[1]);
    if (args[0].equals("gen-sst")) {
      // As Excel writes them: every text cell in the shared-strings table (real release files).
      Files.createDirectories(dir);
      int n = Integer.parseInt(args[2]);
      java.util.Random rnd = new java.util.Random(1);
      try (var os = new java.io.BufferedOutputStream(Files.newOutputStream(dir.resolve("3_문어체_뉴스(1).xlsx")));
           var wb = new org.dhatim.fastexcel.Workbook(os, "bench", "1.0")) {
        var ws = wb.newWorksheet("Sheet1");
        String[] h = {"ID", "날짜", "URL", "언론사", "원문", "번역문"};
        for (int c = 0; c < h.length; c++) ws.value(0, c, h[c]);
        for (int r = 1; r <= n; r++) {
          ws.value(r, 0, r);
          ws.value(r, 1, 20180601 + rnd.nextInt(28));
          ws.value(r, 2, "https://news.example.kr/article/" + r);
          ws.value(r, 3, "연합뉴스");
          ws.value(r, 4, "정부는 청년 일자리 확대를 위해 " + r + "억 원의 예산을 추가로 편성했으며 지역 경제 활성화에도 힘쓸 계획이라고 밝혔다.");
          ws.value(r, 5, "The government allocated an additional " + r + " hundred million won for youth jobs and plans to revitalise the regional economy.");
          if (r % 1000 == 0) ws.flush();
        }
        ws.finish();
      }
      System.out.printf("generated %d rows with shared strings, %.1f MB%n", n, Files.size(dir.resolve("3_문어체_뉴스(1).xlsx")) / 1e6);
      return;
    }
    if (args[0].equals("gen")) {
      new CorpusSampleGenerator().generate(dir, new SampleOptions(Integer.parseInt(args[2]), 1, false));
      long bytes = 0;
      try (var s = Files.list(dir)) {
        for (Path p : s.toList()) bytes += Files.size(p);
      }
      System.out.printf("generated %s rows, %.1f MB of xlsx%n", args[2], bytes / 1e6);
      return;
    }
    var format = FormatRegistry.load().require("aihub.corpus");
    long t0 = System.nanoTime();
    long n = 0;
    long chars = 0;
    long sampled = 0;
    var plan = Datasets.plan(format, dir, ReadOptions.defaults());
    try (ItemCursor c = Datasets.cursor(plan, ReadOptions.defaults())) {
      for (Item i; (i = c.next()) != null; ) {
        n++;
        chars += i.id().length();
        if (n % 5000 == 0) {
          Runtime rt = Runtime.getRuntime();
          sampled = Math.max(sampled, rt.totalMemory() - rt.freeMemory());
        }
      }
    }
    double s = (System.nanoTime() - t0) / 1e9;
    System.out.printf("read %d rows in %.2f s (%.0f rows/s), -Xmx %d MB, heap in use (max of samples every 5k rows) %d MB%n",
        n, s, n / s, Runtime.getRuntime().maxMemory() >> 20, sampled >> 20);
  }
}
