package org.trainset.cli.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.trainset.cli.DatasetInput;
import org.trainset.cli.Json;
import org.trainset.cli.OutputOptions;
import org.trainset.cli.ProgressBar;
import org.trainset.cli.Verb;
import org.trainset.core.io.InputException;
import org.trainset.core.progress.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "push", mixinStandardHelpOptions = true,
    description = {"Send a local dataset (any readable format) to a trainset server: creates the project when new,",
        "otherwise replaces its items. Uploads resumably, then waits for the server's import."})
public final class PushVerb implements Verb {
  @Spec CommandSpec spec;
  @Mixin OutputOptions output;
  @Parameters(paramLabel = "DATA", description = "A dataset file or folder.") Path data;
  @Option(names = "--project", required = true, paramLabel = "NAME", description = "Project name.") String project;
  @Option(names = "--server", paramLabel = "URL", description = "Server (default: the last one logged in to).") String server;
  @Option(names = "--format", paramLabel = "ID", description = "Read as this format instead of detecting it.") String format;

  @Override public Integer call() throws Exception {
    String formatId = DatasetInput.formatOf(data, format).id(); // detect locally first: fail before uploading
    String url = Credentials.server(server);
    ServerClient client = new ServerClient(url, Credentials.token(url));
    JsonNode p = client.project(project);
    if (p == null) p = client.createProject(project);
    String projectId = p.get("id").asText();
    Progress bar = ProgressBar.forTerminal(spec.commandLine().getErr(), output);
    Path zip = Files.createTempFile("trainset-push", ".zip");
    try {
      zip(data, zip);
      bar.start("upload " + data.getFileName(), 1000);
      String uploadId = client.upload(projectId, zip, f -> bar.advance((long) (f * 1000)));
      bar.finish();
      bar.start("import on the server", 1000);
      JsonNode op = client.await(client.startImport(projectId, uploadId, format), f -> bar.advance((long) (f * 1000)));
      bar.finish();
      if (!op.get("state").asText().equals("done")) {
        throw new InputException(data, "import", "the server's import " + op.get("state").asText() + ": " + op.path("error").asText());
      }
      JsonNode r = op.get("result");
      var out = spec.commandLine().getOut();
      if (output.json) {
        var root = Json.object().put("server", url).put("project", project).put("projectId", projectId).put("format", formatId);
        root.set("result", r);
        out.println(Json.write(root));
      } else {
        out.printf("pushed %s to %s project '%s': %d items, %d annotations (%s)%n", data, url, project,
            r.get("items").asLong(), r.get("annotations").asLong(), r.get("format").asText());
      }
      return 0;
    } finally {
      Files.deleteIfExists(zip);
    }
  }

  /** The dataset as a zip: a folder's files relative to it, or the single file. */
  static void zip(Path data, Path zip) throws java.io.IOException {
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
      if (Files.isRegularFile(data)) {
        add(z, data, data.getFileName().toString());
        return;
      }
      try (var files = Files.walk(data)) {
        for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
          add(z, f, data.relativize(f).toString().replace('\\', '/'));
        }
      }
    }
  }

  private static void add(ZipOutputStream z, Path file, String name) throws java.io.IOException {
    z.putNextEntry(new ZipEntry(name));
    Files.copy(file, (OutputStream) z);
    z.closeEntry();
  }
}
