package org.trainset.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trainset.core.sample.SampleOptions;
import org.trainset.server.auth.Role;
import org.trainset.server.work.WorkEvents;

/**
 * Review mode in headless Chromium, with the keyboard and mouse as a reviewer uses them: pin an
 * issue on the image (I, then a click), see its pin drawn on the canvas, reject one item with a
 * reason (R) and accept the next (A); the server's review history records both.
 */
class ReviewBrowserTest extends BrowserTestBase {
  String project;
  List<String> items = new ArrayList<>();
  WebTestServer.Client admin;

  @Override void importData(WebTestServer.Client admin, Path tmp) throws Exception {
    this.admin = admin;
    Path dir = tmp.resolve("sidewalk");
    MediaViewerBrowserTest.generator("aihub.sidewalk").generate(dir, new SampleOptions(2, 7, false));
    project = admin.createProjectWithData("walk", "aihub.sidewalk", null, dir);
    for (JsonNode n : admin.get("/api/projects/" + project + "/items").path("items")) items.add(n.path("id").asText());
    admin.send("PUT", "/api/projects/" + project + "/workflow", WebTestServer.JSON.valueToTree(Map.of("yaml",
        "stages:\n  - {name: peer, who: [manager], sampling: all}\n  - {name: final, who: [admin], sampling: all}\n"
            + "issues: {categories: [wrong extent, missing object]}\n")), 200);
    var author = server.platform().users().add("worker", "worker password 1", Role.ANNOTATOR, "lab");
    server.platform().events().submitted(new WorkEvents.Submitted(project, "job-1", items, author.id(), System.currentTimeMillis()));
  }

  @Test void pinAnIssueThenRejectAndAcceptWithKeys() throws Exception {
    signIn();
    // the admin reaches the queue through the top bar's Review link
    go("/projects");
    page.locator("#nav-review").click();
    page.waitForSelector("#review-queue");
    assertTrue(page.url().endsWith("/review"), page.url());
    assertEquals(2, page.locator("#review-queue tbody tr").count());
    page.locator(".review-open").first().click();
    page.waitForFunction("() => window.trainset?.review?.ready");
    String first = (String) page.evaluate("() => window.trainset.review.itemId");
    settle();

    // pin an issue with the keyboard (I) and a click on the image, then see it on the canvas
    page.locator("#issue-comment").fill("wheel cut off");
    page.evaluate("() => document.activeElement.blur()");
    page.keyboard().press("i");
    var box = page.locator("#review-stage").boundingBox();
    page.mouse().click(box.x + box.width / 2, box.y + box.height / 2);
    page.waitForFunction("() => window.trainset.review.pins.drawn.length === 1");
    settle();
    screenshot("review-pin");
    JsonNode issues = admin.get("/api/items/" + first + "/issues").path("issues");
    assertEquals(1, issues.size());
    assertEquals("wheel cut off", issues.get(0).path("comments").get(0).path("text").asText());
    assertEquals("wrong extent", issues.get(0).path("category").asText());
    double px = issues.get(0).path("anchor").path("x").asDouble(), py = issues.get(0).path("anchor").path("y").asDouble();
    @SuppressWarnings("unchecked")
    List<Number> pixel = (List<Number>) page.evaluate("""
        ({x, y}) => {
          const [cx, cy] = window.trainset.review.toScreen(x, y);
          const sx = cx + 6, sy = cy + 2; // inside the 10 px disc, beside its number
          const c = document.querySelectorAll('#review-stage canvas')[1];
          const ratio = c.width / c.clientWidth;
          return Array.from(c.getContext('2d').getImageData(Math.round(sx * ratio), Math.round(sy * ratio), 1, 1).data);
        }""", Map.of("x", px, "y", py));
    assertTrue(pixel.get(0).intValue() > 180 && pixel.get(1).intValue() < 110 && pixel.get(3).intValue() > 200,
        "the open issue's red pin is drawn at its point: " + pixel);

    // reject with a reason (R); the next item opens; accept it (A)
    page.locator("#review-comment").fill("box too tight");
    page.evaluate("() => document.activeElement.blur()");
    page.keyboard().press("r");
    page.waitForFunction("id => window.trainset?.review?.itemId && window.trainset.review.itemId !== id && window.trainset.review.ready", first);
    String second = (String) page.evaluate("() => window.trainset.review.itemId");
    page.keyboard().press("a");
    page.waitForFunction("() => window.trainset.review.lastVerdict === 'accept'");

    JsonNode history = admin.get("/api/projects/" + project + "/review-history").path("events");
    assertEquals(2, history.size());
    assertEquals(List.of(first, "reject", "box too tight", second, "accept"), List.of(history.get(0).path("itemId").asText(),
        history.get(0).path("verdict").asText(), history.get(0).path("comment").asText(), history.get(1).path("itemId").asText(),
        history.get(1).path("verdict").asText()));

    // the dashboard shows the worker's peer-stage rejection rate 1/2
    go("/projects/" + project + "/quality");
    page.waitForSelector("#quality-workers tbody tr");
    double rate = ((Number) page.evaluate("() => window.trainset.quality.workers[0].stages.peer.rejectionRate")).doubleValue();
    assertEquals(0.5, rate, 1e-12);
    assertTrue(page.locator("#chart-rejections canvas").count() > 0);

    // the workflow is edited on the same page; a mistake is named by line and field
    page.locator("#workflow-yaml").fill("stages:\n  - name: peer\n    sampling: {aql: 3}\n");
    page.locator("#workflow-save").click();
    page.waitForSelector("#workflow-message.error");
    assertTrue(page.locator("#workflow-message").textContent().startsWith("yaml: line 3: stages[0].sampling.aql: AQL 3.0 is not in"),
        page.locator("#workflow-message").textContent());
  }
}
