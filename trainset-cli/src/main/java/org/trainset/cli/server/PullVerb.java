package org.trainset.cli.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.trainset.cli.Json;
import org.trainset.cli.OutputOptions;
import org.trainset.cli.ProgressBar;
import org.trainset.cli.UsageException;
import org.trainset.cli.Verb;
import org.trainset.core.io.AtomicOutput;
import org.trainset.core.io.SafePaths;
import org.trainset.core.progress.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "pull", mixinStandardHelpOptions = true,
    description = {"Export a project from a trainset server into a local folder, in any writable format (--to),",
        "or download a published release (--version): resumable, every file checked against its SHA256SUMS.",
        "Prints what the format could not hold (the loss report, also saved as LOSS.txt).",
        "With --with-review the project's review history (every verdict) is written beside the data",
        "as review-history.json and review-history.csv.",
        "Exit 1 when a release file does not match its checksum."})
public final class PullVerb implements Verb {
  @Spec CommandSpec spec;
  @Mixin OutputOptions output;
  @Parameters(paramLabel = "NAME", description = "Project name, or with --version a published dataset's name.") String project;
  @Option(names = "--to", paramLabel = "FORMAT", description = "Format to export a project to (trainset formats).") String to;
  @Option(names = "--version", paramLabel = "V", description = "Release version of dataset NAME to download (instead of --to).") String version;
  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (a project export is written atomically; a release resumes into it).") Path out;
  @Option(names = "--with-review", description = "Also write the project's review history (review-history.json and .csv) into --out.") boolean withReview;
  @Option(names = "--server", paramLabel = "URL", description = "Server (default: the last one logged in to).") String server;
  @Option(names = "--token", paramLabel = "T", description = "Access token (default: the one saved by 'trainset login'; none for open data).") String token;

  @Override public Integer call() throws Exception {
    if ((to == null) == (version == null)) throw new UsageException("give either --to FORMAT (a project) or --version V (a release)");
    String url = Credentials.server(server);
    if (version != null) {
      if (withReview) throw new UsageException("--with-review goes with a project pull (--to), not a release");
      return pullRelease(url);
    }
    ServerClient client = new ServerClient(url, token != null ? token : Credentials.token(url));
    JsonNode p = client.project(project);
    if (p == null) throw new UsageException("no project '" + project + "' on " + url + " that you can see");
    Progress bar = ProgressBar.forTerminal(spec.commandLine().getErr(), output);
    bar.start("export on the server", 1000);
    JsonNode op = client.await(client.startExport(p.get("id").asText(), to), f -> bar.advance((long) (f * 1000)));
    bar.finish();
    if (!op.get("state").asText().equals("done")) {
      throw new java.io.IOException("the server's export " + op.get("state").asText() + ": " + op.path("error").asText());
    }
    Path zip = Files.createTempFile("trainset-pull", ".zip");
    try {
      client.download(op.get("result").get("download").asText(), zip);
      unpack(zip, out);
    } finally {
      Files.deleteIfExists(zip);
    }
    long verdicts = withReview ? pullReviewHistory(client, p.get("id").asText()) : -1;
    JsonNode r = op.get("result");
    var o = spec.commandLine().getOut();
    if (output.json) {
      var root = Json.object().put("server", url).put("project", project).put("out", out.toString());
      root.set("result", r);
      if (withReview) root.put("reviewVerdicts", verdicts);
      o.println(Json.write(root));
    } else {
      o.printf("pulled '%s' from %s as %s into %s: %d items, %d annotations%n", project, url, to, out,
          r.get("items").asLong(), r.get("annotations").asLong());
      o.println(r.get("loss").asText());
      if (withReview) o.printf("review history: %d verdicts (review-history.json, review-history.csv)%n", verdicts);
    }
    return 0;
  }

  private int pullRelease(String url) throws java.io.IOException {
    String t = token;
    if (t == null) {
      try {
        t = Credentials.token(url);
      } catch (UsageException notLoggedIn) {
        t = null; // open data needs no token
      }
    }
    Progress bar = ProgressBar.forTerminal(spec.commandLine().getErr(), output);
    ReleasePull.Result r = new ReleasePull(url, t).pull(project, version, out, bar);
    var o = spec.commandLine().getOut();
    if (output.json) {
      o.println(Json.write(r.toJson()));
    } else {
      o.printf("pulled %s %s from %s into %s: %d files (%d kept, %d resumed), %d bytes received%n", project, version, url, out,
          r.files(), r.kept(), r.resumed(), r.bytes());
      for (String m : r.mismatched()) o.println("checksum mismatch: " + m + " (left out; pull again)");
    }
    return r.mismatched().isEmpty() ? org.trainset.cli.ExitCodes.OK : org.trainset.cli.ExitCodes.FINDINGS;
  }

  /**
   * The server's review history (GET /api/projects/{id}/review-history, JSON and CSV) into {@code out},
   * each file written to a temporary name first and moved into place. Returns the number of verdicts.
   */
  private long pullReviewHistory(ServerClient client, String projectId) throws java.io.IOException {
    String path = "/api/projects/" + projectId + "/review-history";
    JsonNode history = client.call("GET", path, null);
    Path json = Files.createTempFile(out, ".review-history", ".json.tmp");
    Files.writeString(json, Json.write(history));
    Files.move(json, out.resolve("review-history.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    Path csv = Files.createTempFile(out, ".review-history", ".csv.tmp");
    client.download(path + "?format=csv", csv);
    Files.move(csv, out.resolve("review-history.csv"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    return history.get("events").size();
  }

  /** The export's single top folder's content goes into {@code out}; entries cannot leave it. */
  static void unpack(Path zip, Path out) throws java.io.IOException {
    try (AtomicOutput staging = AtomicOutput.directory(out);
         ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        if (e.isDirectory()) continue;
        String name = e.getName();
        int slash = name.indexOf('/');
        String inner = slash < 0 ? name : name.substring(slash + 1);
        Path dest = SafePaths.resolveInside(staging.path(), inner);
        Files.createDirectories(dest.getParent());
        Files.copy((InputStream) in, dest);
      }
      staging.commit();
    }
  }
}
