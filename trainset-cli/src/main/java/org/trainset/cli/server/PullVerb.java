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
    description = {"Export a project from a trainset server into a local folder, in any writable format.",
        "Prints what the format could not hold (the loss report, also saved as LOSS.txt)."})
public final class PullVerb implements Verb {
  @Spec CommandSpec spec;
  @Mixin OutputOptions output;
  @Parameters(paramLabel = "NAME", description = "Project name.") String project;
  @Option(names = "--to", required = true, paramLabel = "FORMAT", description = "Format to export to (trainset formats).") String to;
  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (written atomically).") Path out;
  @Option(names = "--server", paramLabel = "URL", description = "Server (default: the last one logged in to).") String server;

  @Override public Integer call() throws Exception {
    String url = Credentials.server(server);
    ServerClient client = new ServerClient(url, Credentials.token(url));
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
    JsonNode r = op.get("result");
    var o = spec.commandLine().getOut();
    if (output.json) {
      var root = Json.object().put("server", url).put("project", project).put("out", out.toString());
      root.set("result", r);
      o.println(Json.write(root));
    } else {
      o.printf("pulled '%s' from %s as %s into %s: %d items, %d annotations%n", project, url, to, out,
          r.get("items").asLong(), r.get("annotations").asLong());
      o.println(r.get("loss").asText());
    }
    return 0;
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
