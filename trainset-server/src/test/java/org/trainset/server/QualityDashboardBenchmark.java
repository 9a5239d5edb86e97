package org.trainset.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.trainset.server.auth.Principal;
import org.trainset.server.auth.Role;
import org.trainset.server.db.Sql;
import org.trainset.server.http.Http;

/**
 * Benchmark, not a test: the project quality dashboard ({@code GET /api/projects/{id}/quality}, JSON
 * and {@code ?format=csv}) of a large project, through the real server on both databases. The
 * project is built through the review services: {@code bench.items} items (default 100,000) of
 * {@code bench.workers} annotators (default 50) submitted as lots of up to 1,000, at least one per worker ({@code WorkEvents}
 * into {@code ReviewFlow}), three stages (peer 10 % stratified by worker, manager 5 %, final ISO
 * 2859-1 AQL 1.0), every drawn item given a verdict through {@code ReviewFlow.review} (1 in 20
 * rejected) and 1 in 25 verdicts pinning an issue through {@code ReviewIssues.create}. Items are
 * written straight into the database as the review tests do (imports are measured elsewhere).
 * Runs only with {@code -Dtrainset.bench=true}; prints one {@code BENCH review-dashboard} line per
 * database for docs/benchmarks.md ("Review: quality dashboard").
 */
class QualityDashboardBenchmark {
  @Nested class OnSqlite extends Cases { OnSqlite() { super(TestDatabases.SQLITE); } }
  @Nested class OnPostgresql extends Cases { OnPostgresql() { super(TestDatabases.POSTGRESQL); } }

  abstract static class Cases extends ReviewTestSupport {
    final TestDatabases which;

    Cases(TestDatabases db) {
      super(db);
      this.which = db;
    }

    @Test void dashboardOfALargeProject() {
      Assumptions.assumeTrue(Boolean.getBoolean("trainset.bench"), "benchmark: run with -Dtrainset.bench=true");
      Assumptions.assumeTrue(which == TestDatabases.SQLITE || !Boolean.getBoolean("bench.sqliteOnly"), "SQLite only");
      int items = Integer.getInteger("bench.items", 100_000);
      int workers = Integer.getInteger("bench.workers", 50);
      int runs = Integer.getInteger("bench.runs", 20);
      long t0 = System.nanoTime();
      String project = project("dashboard-bench", "generic");
      putWorkflow(project, """
          stages:
            - {name: peer, who: [reviewer], sampling: {fraction: 0.1, stratify: [worker]}}
            - {name: manager, who: [reviewer], sampling: {fraction: 0.05}}
            - {name: final, who: [reviewer], sampling: {aql: 1.0}}
          quality: {threshold: 1, min-items: 1000000}
          """);
      List<String> workerIds = new ArrayList<>();
      for (int w = 0; w < workers; w++) workerIds.add(platform.users().add("bench-worker" + w, PASSWORD, Role.ANNOTATOR, "acme").id());
      List<Principal> reviewers = new ArrayList<>();
      for (int r = 0; r < 3; r++) {
        reviewers.add(platform.users().principal(platform.users().add("bench-reviewer" + r, PASSWORD, Role.REVIEWER, "acme").id(), null));
      }
      int lotSize = Math.min(1000, (items + workers - 1) / workers); // every worker submits at least one lot
      for (int start = 0, lot = 0; start < items; start += lotSize, lot++) {
        List<String> ids = emptyItems(project, Math.min(lotSize, items - start));
        submit(project, "bench-lot-" + lot, ids, workerIds.get(lot % workers));
      }
      long built = System.nanoTime();
      int verdicts = 0;
      int issues = 0;
      while (true) {
        List<String[]> pending = platform.db().read(c -> Sql.list(c, "SELECT item_id, stage FROM review_items WHERE project_id = ? "
            + "AND state = 'pending' ORDER BY item_id", rs -> new String[] {rs.getString(1), rs.getString(2)}, project));
        if (pending.isEmpty()) break;
        for (String[] p : pending) {
          Principal reviewer = reviewers.get(verdicts % reviewers.size());
          ObjectNode body = Http.object().put("stage", p[1]).put("verdict", verdicts % 20 == 7 ? "reject" : "accept");
          if (verdicts % 25 == 3) {
            platform.review().issues().create(reviewer, p[0], Http.object().put("category", "wrong label").put("comment", "bench"));
            issues++;
          }
          platform.review().flow().review(reviewer, p[0], body);
          verdicts++;
        }
      }
      long reviewed = System.nanoTime();
      var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      String url = "/api/projects/" + project + "/quality";
      assertEquals(workers, manager().get(url).json().get("workers").size());
      List<Double> json = new ArrayList<>();
      List<Double> csv = new ArrayList<>();
      long cpu0 = os.getProcessCpuTime();
      for (int i = 0; i < runs + 2; i++) {
        long a = System.nanoTime();
        ApiClient.Resp r = manager().get(url);
        double ms = (System.nanoTime() - a) / 1e6;
        assertEquals(200, r.status());
        if (i >= 2) json.add(ms);
        a = System.nanoTime();
        r = manager().get(url + "?format=csv");
        ms = (System.nanoTime() - a) / 1e6;
        assertEquals(200, r.status());
        if (i >= 2) csv.add(ms);
      }
      double cpuPerRequest = (os.getProcessCpuTime() - cpu0) / 1e6 / (2.0 * (runs + 2));
      System.out.printf(Locale.ROOT, "BENCH review-dashboard db=%s items=%d workers=%d verdicts=%d issues=%d build=%.0fs review=%.0fs "
          + "json p50=%.0fms p95=%.0fms csv p50=%.0fms p95=%.0fms cpu/request=%.0fms load=%.1f%n", which.name().toLowerCase(Locale.ROOT),
          items, workers, verdicts, issues, (built - t0) / 1e9, (reviewed - built) / 1e9, pct(json, 50), pct(json, 95),
          pct(csv, 50), pct(csv, 95), cpuPerRequest, os.getSystemLoadAverage());
    }

    static double pct(List<Double> xs, int p) {
      List<Double> s = new ArrayList<>(xs);
      Collections.sort(s);
      return s.get(Math.min(s.size() - 1, (int) Math.ceil(p / 100.0 * s.size()) - 1));
    }
  }
}
