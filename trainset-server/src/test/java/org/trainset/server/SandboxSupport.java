package org.trainset.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Submitting sandbox jobs over HTTP and waiting for them, for the sandbox tests. */
final class SandboxSupport {
  private SandboxSupport() {}

  /** A multipart body: {@code spec} as JSON text and one file field. */
  static ApiClient.Resp submit(ApiClient c, String dataset, Object spec, String field, String fileName, byte[] file) {
    String boundary = "----sandbox" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    String specText = spec instanceof String s ? s : ApiClient.JSON.valueToTree(spec).toString();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"spec\"\r\n\r\n" + specText + "\r\n")
        .getBytes(StandardCharsets.UTF_8));
    if (file != null) {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName
          + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      body.writeBytes(file);
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return c.send("POST", "/api/datasets/" + dataset + "/sandbox-jobs", "multipart/form-data; boundary=" + boundary, body.toByteArray());
  }

  /** Submits a Python script; returns the job id. */
  static String python(ApiClient c, String dataset, String code) {
    ApiClient.Resp r = submit(c, dataset, Map.of("version", "1.0.0", "runtime", "python"), "file", "job.py",
        code.getBytes(StandardCharsets.UTF_8));
    assertEquals(202, r.status(), r.toString());
    return r.json().get("id").asText();
  }

  static JsonNode await(ApiClient c, String jobId) {
    long deadline = System.currentTimeMillis() + 90_000;
    while (true) {
      ApiClient.Resp r = c.get("/api/sandbox-jobs/" + jobId);
      assertEquals(200, r.status(), r.toString());
      String state = r.json().get("state").asText();
      if (state.equals("done") || state.equals("failed")) return r.json();
      assertTrue(System.currentTimeMillis() < deadline, "job " + jobId + " still " + state);
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }
  }

  static JsonNode outputs(ApiClient c, String jobId) {
    ApiClient.Resp r = c.get("/api/sandbox-jobs/" + jobId + "/outputs");
    assertEquals(200, r.status(), r.toString());
    return r.json();
  }

  static JsonNode output(ApiClient c, String jobId, String path) {
    for (JsonNode o : outputs(c, jobId)) if (o.get("path").asText().equals(path)) return o;
    throw new AssertionError("no output " + path + " in " + outputs(c, jobId));
  }

  /** The log's lines as the SSE stream sends them (the stream ends with the job). */
  static List<String> log(ApiClient c, String jobId) {
    ApiClient.Resp r = c.get("/api/sandbox-jobs/" + jobId + "/log");
    assertEquals(200, r.status(), r.toString());
    List<String> lines = new ArrayList<>();
    String event = null;
    for (String l : r.text().split("\n")) {
      if (l.startsWith("event: ")) event = l.substring(7);
      else if (l.startsWith("data: ") && "log".equals(event)) lines.add(l.substring(6));
    }
    return lines;
  }
}
