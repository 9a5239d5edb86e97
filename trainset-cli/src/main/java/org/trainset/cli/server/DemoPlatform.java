package org.trainset.cli.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.trainset.cli.DatasetInput;
import org.trainset.core.io.AtomicOutput;
import org.trainset.core.progress.Progress;
import org.trainset.core.sample.SampleGenerator;
import org.trainset.core.sample.SampleOptions;
import org.trainset.core.spi.Format;
import org.trainset.core.spi.ReadOptions;
import org.trainset.refine.images.ImageDedup;
import org.trainset.server.Platform;
import org.trainset.server.TrainsetServer;
import org.trainset.server.auth.Role;

/**
 * The demo's second half, the production line on the platform: a family sample is generated,
 * refined (image dedup), pushed into a project of an embedded server through the same HTTP calls
 * as {@code trainset push}, inspected with its family's rule pack, exported as {@code trainset pull}
 * does, and served with one demo account per role until Ctrl-C.
 */
public final class DemoPlatform {
  /** Options of the platform part of the demo. */
  public record Options(String family, int items, int port, boolean serve) {}

  private DemoPlatform() {}

  public static void run(Path out, Options options, ObjectNode report, Consumer<String> step) throws Exception {
    Path line = out.resolve("line");
    AtomicOutput.deleteRecursively(line);
    Files.createDirectories(line);

    step.accept("5. sample " + options.family() + " (" + options.items() + " items, with planted defects)");
    Path sample = line.resolve("sample");
    generator(options.family()).generate(sample, new SampleOptions(options.items(), 42, true));

    step.accept("6. refine: drop duplicate images (pHash + dHash) into the native format");
    Path refined = line.resolve("refined");
    Format family = DatasetInput.registry().require(options.family());
    ImageDedup.Outcome dedup = ImageDedup.run(family, sample, DatasetInput.registry().require("trainset"), refined,
        line.resolve("dedup.json"), line.resolve("dedup.html"), new ImageDedup.Options(10, 12, false),
        ReadOptions.defaults(), Progress.NONE);
    step.accept("   " + dedup.items() + " items, " + dedup.removed() + " removed as duplicates");
    report.putObject("refine").put("items", dedup.items()).put("removed", dedup.removed());

    step.accept("7. start the platform (embedded SQLite in " + line.resolve("server-data") + ")");
    Platform platform = Platform.open(line.resolve("server-data"), null);
    TrainsetServer server = new TrainsetServer(platform);
    boolean handedOver = false;
    try {
      int port = server.start("127.0.0.1", options.port());
      String url = "http://127.0.0.1:" + port;
      Map<Role, String> accounts = accounts(platform);
      report.put("url", url + "/");

      step.accept("8. push the refined sample into project '" + options.family() + "' (as demo-manager)");
      ServerClient client = new ServerClient(url, ServerClient.login(url, "demo-manager", accounts.get(Role.MANAGER), "demo"));
      String projectId = client.createProject(options.family(), options.family()).get("id").asText();
      Path zip = line.resolve("refined.zip");
      PushVerb.zip(refined, zip);
      JsonNode imported = client.await(client.startImport(projectId, client.upload(projectId, zip, f -> { }), null), f -> { });
      if (!imported.get("state").asText().equals("done")) throw new IOException("demo import " + imported);
      step.accept("   " + imported.get("result").get("items").asLong() + " items, "
          + imported.get("result").get("annotations").asLong() + " annotations");
      report.set("imported", imported.get("result"));

      step.accept("9. inspect with the " + options.family() + " rule pack");
      JsonNode findings = client.call("GET", "/api/projects/" + projectId + "/findings?limit=5", null);
      step.accept("   " + findings.get("findings").asLong() + " findings " + findings.get("bySeverity"));
      report.put("findings", findings.get("findings").asLong());

      step.accept("10. export to COCO and download it");
      JsonNode exported = client.await(client.startExport(projectId, "coco"), f -> { });
      Path archive = line.resolve("export.zip");
      client.download(exported.get("result").get("download").asText(), archive);
      PullVerb.unpack(archive, line.resolve("export-coco"));
      step.accept("   " + exported.get("result").get("items").asLong() + " items into " + line.resolve("export-coco")
          + "; " + exported.get("result").get("loss").asText().replace("\n", "; "));
      report.put("exportedItems", exported.get("result").get("items").asLong());

      step.accept("open " + url + "/ and sign in (organisation 'demo'):");
      var arr = report.putArray("accounts");
      for (Map.Entry<Role, String> a : accounts.entrySet()) {
        step.accept(String.format("   %-16s %s", "demo-" + a.getKey().key(), a.getValue()));
        arr.addObject().put("username", "demo-" + a.getKey().key()).put("role", a.getKey().key()).put("password", a.getValue());
      }
      if (options.serve()) {
        step.accept("serving until Ctrl-C");
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          server.close();
          platform.close();
          stop.countDown();
        }));
        handedOver = true;
        stop.await();
      }
    } finally {
      if (!handedOver) {
        server.close();
        platform.close();
      }
    }
  }

  /** One account per role with a fresh random password (the server listens on loopback only). */
  private static Map<Role, String> accounts(Platform platform) {
    Map<Role, String> accounts = new LinkedHashMap<>();
    SecureRandom random = new SecureRandom();
    for (Role r : Role.userRoles()) {
      String password = "demo-" + Long.toString(Math.abs(random.nextLong()), 36);
      platform.users().add("demo-" + r.key(), password, r, "demo");
      accounts.put(r, password);
    }
    return accounts;
  }

  private static SampleGenerator generator(String family) {
    for (SampleGenerator g : ServiceLoader.load(SampleGenerator.class)) {
      if (g.formatId().equals(family)) return g;
    }
    throw new org.trainset.cli.UsageException("--family: no sample generator for '" + family + "'");
  }
}
