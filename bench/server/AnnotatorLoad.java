// 100 concurrent annotators against a running trainset server (loopback only), bounded in loops
// and time. Each annotator owns a slice of the project's items; per loop it loads an item and
// saves it with one more box (If-Match: the version it loaded). Afterwards every saved version is
// checked: the history holds each save once, in order, with exactly the boxes saved then.
//
// usage: java -cp trainset.jar bench/server/AnnotatorLoad.java URL PROJECT_ID TOKENS_FILE [CLIENTS] [LOOPS] [SECONDS]
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

public class AnnotatorLoad {
  static final ObjectMapper JSON = new ObjectMapper();

  public static void main(String[] args) throws Exception {
    String url = args[0];
    String project = args[1];
    if (!URI.create(url).getHost().equals("127.0.0.1")) throw new IllegalArgumentException("loopback only");
    List<String> tokens = Files.readAllLines(Path.of(args[2])).stream().filter(s -> !s.isBlank()).toList();
    int clients = args.length > 3 ? Integer.parseInt(args[3]) : 100;
    int loops = args.length > 4 ? Integer.parseInt(args[4]) : 50;
    long seconds = args.length > 5 ? Long.parseLong(args[5]) : 120;
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    List<String> items = new ArrayList<>();
    for (int offset = 0; items.size() < clients * 2; offset += 1000) {
      JsonNode page = get(http, url + "/api/projects/" + project + "/items?limit=1000&offset=" + offset, tokens.get(0));
      for (JsonNode i : page.get("items")) items.add(i.get("id").asText());
      if (page.get("items").size() < 1000) break;
    }
    if (items.size() < clients) throw new IllegalStateException("need at least " + clients + " items, have " + items.size());

    List<Long> loadNanos = Collections.synchronizedList(new ArrayList<>());
    List<Long> saveNanos = Collections.synchronizedList(new ArrayList<>());
    AtomicLong errors = new AtomicLong();
    AtomicLong conflicts = new AtomicLong();
    Map<String, List<String>> savedLabels = new ConcurrentHashMap<>(); // item -> labels added, in order
    Map<String, Integer> startVersion = new ConcurrentHashMap<>();
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    CountDownLatch done = new CountDownLatch(clients);
    long t0 = System.nanoTime();
    for (int c = 0; c < clients; c++) {
      final int client = c;
      String token = tokens.get(c % tokens.size());
      new Thread(() -> {
        try {
          for (int loop = 0; loop < loops && System.nanoTime() < deadline; loop++) {
            String item = items.get(client + clients * (loop % Math.max(1, items.size() / clients)));
            try {
              long a = System.nanoTime();
              HttpResponse<String> r = http.send(req(url + "/api/items/" + item, token).GET().build(), HttpResponse.BodyHandlers.ofString());
              loadNanos.add(System.nanoTime() - a);
              if (r.statusCode() != 200) { errors.incrementAndGet(); continue; }
              JsonNode it = JSON.readTree(r.body());
              int version = it.get("version").asInt();
              startVersion.putIfAbsent(item, version);
              ArrayNode anns = ((ArrayNode) it.get("annotations")).deepCopy();
              String label = "c" + client + "-l" + loop;
              anns.addObject().put("type", "box").put("label", label).put("x", loop).put("y", client).put("w", 5).put("h", 5);
              long b = System.nanoTime();
              HttpResponse<String> s = http.send(req(url + "/api/items/" + item + "/annotations", token)
                  .header("Content-Type", "application/json").header("If-Match", Integer.toString(version))
                  .PUT(HttpRequest.BodyPublishers.ofString(anns.toString())).build(), HttpResponse.BodyHandlers.ofString());
              saveNanos.add(System.nanoTime() - b);
              if (s.statusCode() == 200) savedLabels.computeIfAbsent(item, k -> Collections.synchronizedList(new ArrayList<>())).add(label);
              else if (s.statusCode() == 409) conflicts.incrementAndGet();
              else errors.incrementAndGet();
            } catch (Exception e) {
              errors.incrementAndGet();
            }
          }
        } finally {
          done.countDown();
        }
      }).start();
    }
    done.await();
    double wall = (System.nanoTime() - t0) / 1e9;

    // verify every saved version
    long lost = 0, corrupt = 0, versionsChecked = 0;
    for (Map.Entry<String, List<String>> e : savedLabels.entrySet()) {
      JsonNode versions = get(http, url + "/api/items/" + e.getKey() + "/versions", tokens.get(0)).get("versions");
      List<String> expected = e.getValue();
      int first = startVersion.get(e.getKey());
      List<String> seen = new ArrayList<>();
      for (JsonNode v : versions) {
        if (v.get("version").asInt() <= first) continue;
        versionsChecked++;
        List<String> labels = new ArrayList<>();
        for (JsonNode a : v.get("annotations")) if (a.get("label").asText().matches("c\\d+-l\\d+")) labels.add(a.get("label").asText());
        // each version holds every box saved before it plus its own, in order
        seen.add(labels.isEmpty() ? "" : labels.get(labels.size() - 1));
        if (!labels.equals(new ArrayList<>(seen))) corrupt++;
      }
      if (!seen.equals(expected)) lost += Math.abs(expected.size() - seen.size()) + (seen.size() == expected.size() ? 1 : 0);
    }
    long saves = savedLabels.values().stream().mapToLong(List::size).sum();
    System.out.printf("clients %d, loops <= %d, wall %.1f s, saves %d (%.0f/s), conflicts %d, errors %d%n",
        clients, loops, wall, saves, saves / wall, conflicts.get(), errors.get());
    System.out.printf("load p50 %.1f ms, p99 %.1f ms; save p50 %.1f ms, p99 %.1f ms%n",
        pct(loadNanos, 50), pct(loadNanos, 99), pct(saveNanos, 50), pct(saveNanos, 99));
    System.out.printf("verified %d saved versions: %d lost, %d corrupted%n", versionsChecked, lost, corrupt);
    if (lost > 0 || corrupt > 0 || errors.get() > 0) System.exit(1);
  }

  static HttpRequest.Builder req(String u, String token) {
    return HttpRequest.newBuilder(URI.create(u)).header("Authorization", "Bearer " + token);
  }

  static JsonNode get(HttpClient http, String u, String token) throws Exception {
    HttpResponse<String> r = http.send(req(u, token).GET().build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) throw new IllegalStateException(u + " -> " + r.statusCode() + " " + r.body());
    return JSON.readTree(r.body());
  }

  static double pct(List<Long> nanos, int p) {
    List<Long> s = new ArrayList<>(nanos);
    Collections.sort(s);
    if (s.isEmpty()) return Double.NaN;
    return s.get(Math.min(s.size() - 1, (int) Math.ceil(p / 100.0 * s.size()) - 1)) / 1e6;
  }
}
