package org.trainset.cli.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.trainset.cli.Json;
import org.trainset.cli.UsageException;
import org.trainset.core.io.SafePaths;
import org.trainset.core.progress.Progress;
import org.trainset.server.Ids;
import org.trainset.server.access.Downloads;

/**
 * Downloads a release file by file into a folder, resumably: a file already there with the right
 * SHA-256 is kept, a partial {@code NAME.part} continues with {@code Range} + {@code If-Range}
 * (the file's ETag), and every file is checked against the release's SHA256SUMS before it is
 * moved into place. A file whose checksum does not match is reported and left out.
 */
public final class ReleasePull {
  /** What a pull did: files fetched, kept and resumed, bytes received, files that failed their checksum. */
  public record Result(String dataset, String version, Path out, int files, int kept, int resumed, long bytes, List<String> mismatched) {
    public ObjectNode toJson() {
      ObjectNode o = Json.object().put("dataset", dataset).put("version", version).put("out", out.toString()).put("files", files)
          .put("kept", kept).put("resumed", resumed).put("bytes", bytes).put("verified", mismatched.isEmpty());
      mismatched.forEach(o.putArray("mismatched")::add);
      return o;
    }
  }

  private final String server;
  /** The same HTTP client, token header and unreachable-server error as every other verb. */
  private final ServerClient client;

  public ReleasePull(String server, String token) {
    this.server = server;
    this.client = new ServerClient(server, token);
  }

  public Result pull(String dataset, String version, Path out, Progress progress) throws IOException {
    String base = "/api/datasets/" + enc(dataset) + "/versions/" + enc(version) + "/files/";
    HttpResponse<byte[]> sumsResp = send(request(base + "SHA256SUMS").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    if (sumsResp.statusCode() != 200) throw refusal(sumsResp.statusCode(), new String(sumsResp.body(), StandardCharsets.UTF_8), dataset, version);
    String sumsText = new String(sumsResp.body(), StandardCharsets.UTF_8);
    Map<String, String> sums = Downloads.parseChecksums(sumsText);
    Files.createDirectories(out);
    progress.start("pull " + dataset + " " + version, sums.size());
    int kept = 0, resumed = 0;
    long bytes = 0;
    List<String> mismatched = new ArrayList<>();
    for (Map.Entry<String, String> e : sums.entrySet()) {
      Path dest = SafePaths.resolveInside(out, e.getKey());
      Files.createDirectories(dest.getParent());
      if (Files.isRegularFile(dest) && sha256(dest).equals(e.getValue())) {
        kept++;
        progress.advance(1);
        continue;
      }
      Path part = dest.resolveSibling(dest.getFileName() + ".part");
      long have = Files.isRegularFile(part) ? Files.size(part) : 0;
      HttpRequest.Builder b = request(base + e.getKey().replace("%", "%25").replace(" ", "%20")).GET();
      if (have > 0) b.header("Range", "bytes=" + have + "-").header("If-Range", "\"" + e.getValue() + "\"");
      HttpResponse<InputStream> r = send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
      boolean append = r.statusCode() == 206;
      if (r.statusCode() == 416) {
        r.body().close(); // the part is already whole (or longer than the file): check it as it is
      } else if (r.statusCode() == 200 || append) {
        if (append) resumed++;
        try (InputStream in = r.body(); OutputStream o = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
          bytes += in.transferTo(o);
        }
      } else {
        String body;
        try (InputStream in = r.body()) {
          body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        throw refusal(r.statusCode(), body, dataset, version);
      }
      if (sha256(part).equals(e.getValue())) {
        Files.move(part, dest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } else {
        Files.delete(part); // a wrong file is not resumed: the next pull starts it again
        mismatched.add(e.getKey());
      }
      progress.advance(1);
    }
    Files.writeString(out.resolve("SHA256SUMS"), sumsText, StandardCharsets.UTF_8);
    progress.finish();
    return new Result(dataset, version, out, sums.size(), kept, resumed, bytes, mismatched);
  }

  private HttpRequest.Builder request(String path) {
    return client.request(path);
  }

  private <T> HttpResponse<T> send(HttpRequest req, HttpResponse.BodyHandler<T> handler) throws IOException {
    return client.sendRaw(req, handler);
  }

  private static RuntimeException refusal(int status, String body, String dataset, String version) throws IOException {
    String detail;
    try {
      detail = ServerClient.JSON.readTree(body).path("detail").asText(body);
    } catch (IOException e) {
      detail = body;
    }
    if (status == 401 || status == 403 || status == 404) {
      return new UsageException("server refused " + dataset + " " + version + " (" + status + "): " + detail);
    }
    throw new IOException("server error on " + dataset + " " + version + " (" + status + "): " + detail);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static String sha256(Path file) throws IOException {
    var sha = Ids.sha256();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = new byte[1 << 20];
      for (int n; (n = in.read(buf)) > 0; ) sha.update(buf, 0, n);
    }
    return HexFormat.of().formatHex(sha.digest());
  }
}
