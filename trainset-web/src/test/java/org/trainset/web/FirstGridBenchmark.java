package org.trainset.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.RequestOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.server.auth.Role;

/**
 * Item browser benchmark (bench/web/first-grid): time from opening a project's item browser to a
 * full first screen of thumbnails with their overlays, on a 100k-item project and, alternately in
 * the same run, on a 1k-item one (the ratio shows whether project size matters); then scrolling
 * smoothness (frames per second and the longest frame while scrolling) and a jump to the middle.
 * Each round uses a fresh browser context (no cached images or API answers).
 */
@EnabledIfSystemProperty(named = "bench.web", matches = "true")
class FirstGridBenchmark {
  static final String WAIT_FIRST_GRID = """
      async path => {
        const t0 = performance.now();
        history.pushState(null, '', path);
        dispatchEvent(new PopStateEvent('popstate'));
        await new Promise(res => { const check = () => document.querySelector('#item-grid[data-first-grid=true]') ? res() : requestAnimationFrame(check); check(); });
        const marks = performance.getEntriesByName('trainset:first-grid');
        return [marks[marks.length - 1].startTime - t0, document.querySelectorAll('#item-grid a.cell[data-state=drawn]').length];
      }""";
  static final String SCROLL = """
      async () => {
        const g = document.querySelector('#item-grid');
        let frames = 0, maxGap = 0, last = performance.now();
        const end = last + 3000;
        await new Promise(res => { const step = () => { const now = performance.now(); maxGap = Math.max(maxGap, now - last); last = now; frames++;
          g.scrollTop += 600; if (now < end) requestAnimationFrame(step); else res(); }; requestAnimationFrame(step); });
        return [frames / 3, maxGap, document.querySelectorAll('#item-grid a.cell').length];
      }""";
  static final String JUMP = """
      async () => {
        const g = document.querySelector('#item-grid');
        const t0 = performance.now();
        g.scrollTop = g.scrollHeight / 2;
        const r = g.getBoundingClientRect();
        const ready = () => { const cells = [...g.querySelectorAll('a.cell')].filter(c => { const b = c.getBoundingClientRect(); return b.bottom > r.top && b.top < r.bottom; });
          return cells.length > 0 && cells.every(c => c.dataset.state === 'drawn'); };
        await new Promise(res => { const check = () => ready() ? res() : requestAnimationFrame(check); check(); });
        return performance.now() - t0;
      }""";

  @Test
  void firstGridOn100kItems(@TempDir Path tmp) throws Exception {
    int big = Integer.getInteger("bench.items", 100_000), small = 1_000, rounds = Integer.getInteger("bench.rounds", 5);
    List<String> report = new ArrayList<>();
    try (WebTestServer server = new WebTestServer(); Chromium chromium = new Chromium()) {
      server.addUser("root", "bench password 1", Role.ADMIN, "lab");
      WebTestServer.Client admin = server.login("root", "bench password 1");
      Map<Integer, String> projects = new java.util.LinkedHashMap<>();
      for (int n : new int[] {big, small}) {
        long t0 = System.nanoTime();
        Path data = BenchDataset.write(tmp.resolve("d" + n), n);
        long t1 = System.nanoTime();
        projects.put(n, admin.createProjectWithData("bench " + n, null, null, data));
        long t2 = System.nanoTime();
        report.add(String.format(Locale.ROOT, "project %d items: dataset written in %.1f s, imported in %.1f s", n, (t1 - t0) / 1e9, (t2 - t1) / 1e9));
      }
      Map<Integer, List<Double>> firstGrid = new java.util.HashMap<>();
      for (int r = 0; r < rounds; r++) {
        for (int n : new int[] {big, small}) {
          try (BrowserContext ctx = chromium.browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
            ctx.request().post(server.baseUrl + "/api/auth/login", RequestOptions.create()
                .setHeader("Origin", server.baseUrl).setData(Map.of("username", "root", "password", "bench password 1")));
            Page page = ctx.newPage();
            page.navigate(server.baseUrl + "/");
            page.locator("#projects").waitFor();
            List<?> res = (List<?>) page.evaluate(WAIT_FIRST_GRID, "/projects/" + projects.get(n) + "/items");
            double ms = ((Number) res.get(0)).doubleValue();
            int cells = ((Number) res.get(1)).intValue();
            assertTrue(cells >= 20, "a full first screen: " + cells + " thumbnails");
            firstGrid.computeIfAbsent(n, k -> new ArrayList<>()).add(ms);
            report.add(String.format(Locale.ROOT, "round %d, %d items: first grid %.0f ms (%d thumbnails drawn)", r + 1, n, ms, cells));
            if (n == big && r == rounds - 1) {
              List<?> scroll = (List<?>) page.evaluate(SCROLL);
              report.add(String.format(Locale.ROOT, "scroll 3 s at 600 px/frame over %d items: %.1f frames/s, longest frame %.0f ms, %s cells in the DOM",
                  n, ((Number) scroll.get(0)).doubleValue(), ((Number) scroll.get(1)).doubleValue(), scroll.get(2)));
              double jump = ((Number) page.evaluate(JUMP)).doubleValue();
              report.add(String.format(Locale.ROOT, "jump to the middle of %d items: visible thumbnails drawn after %.0f ms", n, jump));
            }
          }
        }
      }
      double medBig = median(firstGrid.get(big)), medSmall = median(firstGrid.get(small));
      report.add(String.format(Locale.ROOT, "median first grid: %d items %.0f ms, %d items %.0f ms, ratio %.2f; load average %s",
          big, medBig, small, medSmall, medBig / medSmall, Files.readString(Path.of("/proc/loadavg")).trim()));
    }
    report.forEach(System.out::println);
    Path out = Path.of("target", "bench-first-grid.txt");
    Files.createDirectories(out.getParent());
    Files.write(out, report);
  }

  static double median(List<Double> xs) {
    List<Double> s = new ArrayList<>(xs);
    s.sort(null);
    int m = s.size() / 2;
    return s.size() % 2 == 1 ? s.get(m) : (s.get(m - 1) + s.get(m)) / 2;
  }
}
