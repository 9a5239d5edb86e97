package org.trainset.cli.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.cli.Cli;
import org.trainset.cli.Main;
import org.trainset.testkit.SharedFixtures;

/** serve, users add/list, login, push and pull through the CLI's entry point against a real server. */
class ServerCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path tmp;

  @Test void usersAddAndList() throws Exception {
    String data = tmp.resolve("data").toString();
    var added = Cli.runWithStdin("s3cret-password\n", "users", "add", "kim", "--role", "annotator", "--org", "lab", "--password-stdin", "--data", data);
    assertEquals(0, added.exitCode(), added.toString());
    var list = Cli.run("users", "list", "--data", data, "--json");
    assertEquals(0, list.exitCode(), list.toString());
    JsonNode users = JSON.readTree(list.out()).get("users");
    assertEquals("kim", users.get(0).get("username").asText());
    assertEquals("annotator", users.get(0).get("role").asText());
    assertEquals("lab", users.get(0).get("orgs").get(0).asText());
    assertEquals(2, Cli.runWithStdin("x\n", "users", "add", "lee", "--role", "boss", "--password-stdin", "--data", data).exitCode());
    var dup = Cli.runWithStdin("s3cret-password\n", "users", "add", "kim", "--role", "admin", "--password-stdin", "--data", data);
    assertEquals(2, dup.exitCode());
    assertTrue(dup.err().contains("already exists"), dup.toString());
    assertEquals(2, Cli.runWithStdin("short\n", "users", "add", "park", "--role", "admin", "--password-stdin", "--data", data).exitCode());
  }

  @Test void serveThenLoginPushAndPull() throws Exception {
    String data = tmp.resolve("data").toString();
    assertEquals(0, Cli.runWithStdin("manager-password\n", "users", "add", "mgr", "--role", "manager", "--password-stdin", "--data", data).exitCode());
    System.setProperty("trainset.config.dir", tmp.resolve("config").toString());
    PipedInputStream serverOut = new PipedInputStream();
    PrintStream pipe = new PrintStream(new PipedOutputStream(serverOut), true, StandardCharsets.UTF_8);
    Thread serving = new Thread(() -> Main.run(new String[] {"serve", "--data", data, "--port", "0"}, pipe, System.err));
    serving.start();
    try {
      String line = new BufferedReader(new InputStreamReader(serverOut, StandardCharsets.UTF_8)).readLine();
      assertTrue(line.startsWith("trainset serving on http://127.0.0.1:"), line);
      String url = line.substring("trainset serving on ".length(), line.indexOf('/', "trainset serving on http://".length()));
      HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/api/health")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals("sqlite", JSON.readTree(health.body()).get("db").asText());

      assertEquals(2, Cli.runWithStdin("wrong-password\n", "login", url, "--user", "mgr").exitCode());
      var login = Cli.runWithStdin("manager-password\n", "login", url, "--user", "mgr");
      assertEquals(0, login.exitCode(), login.toString());
      assertTrue(Files.readString(tmp.resolve("config/credentials.json")).contains("tst_"));

      Path coco = SharedFixtures.datumaro("coco_dataset/coco");
      var push = Cli.run("push", coco.toString(), "--project", "street", "--json");
      assertEquals(0, push.exitCode(), push.toString());
      JsonNode pushed = JSON.readTree(push.out()).get("result");
      var stats = Cli.run("stats", coco.toString(), "--json");
      JsonNode local = JSON.readTree(stats.out());
      assertEquals(local.get("items").asLong(), pushed.get("items").asLong());
      assertEquals(local.get("annotations").asLong(), pushed.get("annotations").asLong());

      Path out = tmp.resolve("pulled");
      var pull = Cli.run("pull", "street", "--to", "trainset", "--out", out.toString(), "--json");
      assertEquals(0, pull.exitCode(), pull.toString());
      assertTrue(Files.exists(out.resolve("LOSS.txt")));
      var back = Cli.run("stats", out.toString(), "--json");
      assertEquals(0, back.exitCode(), back.toString());
      JsonNode again = JSON.readTree(back.out());
      assertEquals(local.get("byLabel"), again.get("byLabel"));
      assertEquals(local.get("byType"), again.get("byType"));
      assertTrue(!Files.exists(out.resolve("review-history.json")), "the history only comes with --with-review");

      Path withReview = tmp.resolve("pulled-review");
      var reviewed = Cli.run("pull", "street", "--to", "trainset", "--out", withReview.toString(), "--with-review", "--json");
      assertEquals(0, reviewed.exitCode(), reviewed.toString());
      JsonNode written = JSON.readTree(Files.readString(withReview.resolve("review-history.json")));
      JsonNode project = JSON.readTree(reviewed.out());
      assertEquals(written.get("events").size(), project.get("reviewVerdicts").asInt());
      String token = JSON.readTree(Files.readString(tmp.resolve("config/credentials.json"))).get("servers").elements().next().asText();
      HttpResponse<String> served = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create(url + "/api/projects/" + written.get("projectId").asText() + "/review-history"))
          .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, served.statusCode(), served.body());
      assertEquals(JSON.readTree(served.body()), written);
      assertTrue(Files.readString(withReview.resolve("review-history.csv")).startsWith("seq,item,stage,round,author,reviewer,verdict"),
          "the CSV starts with its header");
      assertTrue(Files.exists(withReview.resolve("LOSS.txt")), "the data is pulled as well");
      assertEquals(2, Cli.run("pull", "street", "--version", "1", "--out", tmp.resolve("y").toString(), "--with-review").exitCode());

      assertEquals(2, Cli.run("pull", "nope", "--to", "yolo", "--out", tmp.resolve("x").toString()).exitCode());
    } finally {
      serving.interrupt();
      serving.join(30_000);
      System.clearProperty("trainset.config.dir");
    }
    assertTrue(!serving.isAlive(), "serve stops when interrupted");
  }
}
