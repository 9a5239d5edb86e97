package org.trainset.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.trainset.core.sample.SampleOptions;
import org.trainset.server.auth.Role;

/**
 * The sandbox pages in headless Chromium: a manager of the publishing organisation uploads a
 * training script for the face sandbox dataset, follows its log live, sees the model's check
 * results; a reviewer approves it from the checker's queue; the manager then has a download link.
 */
class SandboxBrowserTest extends BrowserTestBase {
  static final String CHECKER = "rita", CHECKER_PASSWORD = "reviewer password 1";
  static final String TRAIN = """
      import glob, json
      import numpy as np
      from sklearn.linear_model import LogisticRegression
      X, y = [], []
      for part in sorted(glob.glob("/data/data/trainset/items/*.jsonl")):
          for line in open(part, encoding="utf-8"):
              item = json.loads(line)
              w, h = item["media"][0]["width"], item["media"][0]["height"]
              pts = next(a for a in item["annotations"] if a["type"] == "points")["points"]
              X.append([v / (w if i % 2 == 0 else h) for i, v in enumerate(pts)])
              y.append(1 if item["attributes"]["gender"] == "female" else 0)
      model = LogisticRegression(max_iter=1000).fit(np.array(X), np.array(y))
      print("trained on face landmarks, training accuracy %.3f" % model.score(np.array(X), np.array(y)))
      json.dump({"coef": model.coef_[0].tolist(), "intercept": float(model.intercept_[0])}, open("/out/model.json", "w"))
      """;
  Path script;

  @Override void importData(WebTestServer.Client admin, Path tmp) throws Exception {
    server.addUser(CHECKER, CHECKER_PASSWORD, Role.REVIEWER, "lab");
    Path faces = tmp.resolve("faces");
    MediaViewerBrowserTest.generator("aihub.face").generate(faces, new SampleOptions(24, 7, false));
    String project = admin.createProjectWithData("faces source", "aihub.face", null, faces);
    ObjectNode consents = WebTestServer.JSON.createObjectNode();
    for (JsonNode it : admin.get("/api/projects/" + project + "/items?limit=100").path("items")) {
      consents.put(it.path("name").asText(), "form-" + it.path("name").asText().hashCode());
    }
    ObjectNode release = WebTestServer.JSON.createObjectNode().put("dataset", "faces").put("version", "1.0.0");
    release.putObject("sample").put("size", 0);
    release.set("consents", consents);
    admin.send("POST", "/api/projects/" + project + "/releases", release, 201);
    admin.send("PUT", "/api/datasets/faces/access", WebTestServer.JSON.createObjectNode().put("mode", "sandbox"), 200);
    script = Files.writeString(tmp.resolve("train.py"), TRAIN);
  }

  @Test
  void submitFollowTheLogLiveApproveAndDownload() {
    signIn();
    page.navigate(server.baseUrl + "/datasets/faces/sandbox");
    page.locator("#sandbox-form").waitFor();
    assertEquals("script", page.locator("#sandbox-kind").inputValue(), "scripts are available here");
    page.locator("#sandbox-file").setInputFiles(script);
    page.locator("#sandbox-submit").click();
    page.waitForURL("**/sandbox/jobs/*");
    page.locator("#sandbox-job-state[data-state=done]").waitFor(new com.microsoft.playwright.Locator.WaitForOptions().setTimeout(90_000));
    assertTrue(page.locator("#sandbox-log").textContent().contains("trained on face landmarks"), page.locator("#sandbox-log").textContent());
    var row = page.locator("tr[data-state=quarantined]").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("model.json"));
    row.waitFor();
    assertTrue(row.locator(".output-checks").textContent().contains("passed"));
    String jobUrl = page.url();

    // the checker's queue, as the organisation's reviewer
    var checker = chromium.browser.newContext();
    var cp = checker.newPage();
    cp.navigate(server.baseUrl + "/login");
    cp.locator("#login-username").pressSequentially(CHECKER);
    cp.locator("#login-password").pressSequentially(CHECKER_PASSWORD);
    cp.locator("#login-submit").click();
    cp.waitForURL("**/projects");
    cp.navigate(server.baseUrl + "/sandbox/queue");
    var queued = cp.locator("#sandbox-queue tr").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("model.json"));
    queued.locator("button.approve").click();
    cp.locator("#sandbox-queue-status").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("approved")).waitFor();
    checker.close();

    page.navigate(jobUrl);
    var approved = page.locator("tr[data-state=approved]").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("model.json"));
    approved.waitFor();
    String href = approved.locator("a.download").getAttribute("href");
    assertTrue(href.matches("/api/sandbox-outputs/[0-9a-f-]+/download"), href);
    var download = page.request().get(server.baseUrl + href);
    assertEquals(200, download.status());
    assertTrue(download.text().contains("\"coef\""), download.text());
  }
}
