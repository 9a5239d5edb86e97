package org.trainset.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.trainset.core.sample.SampleOptions;
import org.trainset.server.auth.Role;

/**
 * Jobs in headless Chromium against a real server, as two people: a manager splits an OCR project
 * into jobs of three items on the project's Jobs page (a job-split operation the page follows) and
 * assigns one to an annotator with the assignee picker; the annotator finds it under My jobs,
 * takes the free one too, opens "next item"
 * (the editor with the job strip), transcribes a word with a forbidden character, moves on to the
 * job's next item, and submits: the server refuses because of the open finding, the dialog lists
 * it and asks for a reason, and "submit anyway" records the override.
 */
class JobsBrowserTest extends BrowserTestBase {
  static final String ANNOTATOR = "sora", ANNOTATOR_PASSWORD = "annotator password 1";
  WebTestServer.Client admin;
  String projectId;

  @Override void importData(WebTestServer.Client admin, Path tmp) throws Exception {
    this.admin = admin;
    server.addUser(ANNOTATOR, ANNOTATOR_PASSWORD, Role.ANNOTATOR, "lab");
    Path ocr = tmp.resolve("ocr");
    MediaViewerBrowserTest.generator("aihub.ocr").generate(ocr, new SampleOptions(6, 5, false));
    projectId = admin.createProjectWithData("signs", "aihub.ocr", null, ocr);
  }


  JsonNode jobs() throws Exception {
    return admin.get("/api/projects/" + projectId + "/jobs").path("jobs");
  }

  @Test
  void managerSplitsAndAssignsAnnotatorWorksThroughTheJobAndSubmitsWithAnOverride() throws Exception {
    int items = admin.get("/api/projects/" + projectId + "/items?limit=100").path("items").size();
    // The manager: project → Jobs tab → 3 items per job → create → assign the first to the annotator.
    signIn();
    page.locator("a.project-link", new Page.LocatorOptions().setHasText("signs")).click();
    page.locator("#tab-jobs").click();
    page.waitForURL("**/projects/" + projectId + "/jobs");
    page.locator("#jobs-empty").waitFor();
    page.locator("#split-size").click();
    page.keyboard().type("3");
    // the page splits as a background operation (Prefer: respond-async, 202) and follows it
    Request split = page.waitForRequest(r -> r.method().equals("POST") && r.url().endsWith("/projects/" + projectId + "/jobs"),
        () -> page.locator("#split-create").click());
    assertEquals("respond-async", split.headerValue("prefer"));
    assertEquals(202, split.response().status());
    Locator rows = page.locator("#jobs tbody tr");
    rows.first().waitFor();
    int expected = (items + 2) / 3;
    assertEquals(expected, rows.count(), "jobs of 3 over " + items + " items");
    assertTrue(page.locator("#jobs-status").textContent().contains(expected + " jobs created"), page.locator("#jobs-status").textContent());
    assertTrue(rows.first().textContent().contains("0 / 3") && rows.first().textContent().contains("new"), rows.first().textContent());
    JsonNode created = jobs();
    String jobA = created.get(0).path("id").asText(), jobB = created.get(1).path("id").asText();
    String annotatorId = null;
    for (JsonNode u : admin.get("/api/users").path("users")) if (u.path("username").asText().equals(ANNOTATOR)) annotatorId = u.path("id").asText();
    rows.first().locator("select.assignee-select").selectOption(annotatorId);
    page.waitForFunction("() => document.querySelector('#jobs-status').textContent.includes('" + ANNOTATOR + "')");
    assertEquals(ANNOTATOR, jobs().get(0).path("assignee").path("username").asText());
    assertTrue(jobs().get(1).path("assignee").isNull(), "the second job stays free");
    screenshot("jobs-manager");
    context.clearCookies();

    // The annotator: My jobs lists the assigned job; the free one can be taken.
    signIn(ANNOTATOR, ANNOTATOR_PASSWORD);
    page.locator("#nav-my-jobs").click();
    page.locator("#my-jobs tbody tr[data-job-id='" + jobA + "']").waitFor();
    assertEquals(1, page.locator("#my-jobs tbody tr").count());
    page.locator("#free-jobs tbody tr[data-job-id='" + jobB + "'] button.take-job").click();
    page.locator("#my-jobs tbody tr[data-job-id='" + jobB + "']").waitFor();
    assertEquals(ANNOTATOR, admin.get("/api/jobs/" + jobB).path("assignee").path("username").asText());

    // Next item opens the editor on the job's first item, with the job strip.
    JsonNode detail = admin.get("/api/jobs/" + jobA);
    String first = detail.path("nextItemId").asText();
    page.locator("#my-jobs tbody tr[data-job-id='" + jobA + "'] button.next-item").click();
    page.waitForURL("**/items/" + first + "/edit?job=" + jobA);
    page.locator("#job-bar-info strong").waitFor();
    // A photo of the job with transcribed words (a job may start with a printed crop, which has none).
    String photo = null;
    for (JsonNode it : detail.path("items")) {
      if (photo == null && admin.get("/api/items/" + it.path("id").asText()).path("annotations").toString().contains("\"word\"")) photo = it.path("id").asText();
    }
    if (!photo.equals(first)) {
      go("/items/" + photo + "/edit?job=" + jobA);
      page.waitForFunction("id => window.trainset?.editor?.itemId === id", photo);
    }
    // A transcription with a character outside the family's set: saved, and an open error of the job.
    Locator region = page.locator("#ocr-regions li").first();
    region.click();
    page.locator("#ocr-text").click();
    page.keyboard().press("Control+A");
    page.keyboard().type("Hi#");
    page.waitForFunction("() => document.querySelector('#ocr-warning').textContent.includes('#')");
    page.waitForFunction("() => window.trainset.editor.saveState() === 'saved' && window.trainset.editor.version() > 1");
    awaitDone(jobA, 1);
    page.locator("#job-next-item").click();
    final String edited = photo;
    page.waitForURL(u -> u.contains("/edit?job=" + jobA) && !u.contains("/items/" + edited + "/"));
    String second = page.url().replaceAll(".*/items/([^/]+)/edit.*", "$1");
    assertNotEquals(photo, second);
    assertTrue(detail.path("items").toString().contains(second), "the next item belongs to the job");

    // Submit: refused for the open finding; the dialog wants a reason; submit anyway records it.
    page.locator("#nav-my-jobs").click();
    Locator row = page.locator("#my-jobs tbody tr[data-job-id='" + jobA + "']");
    row.waitFor();
    assertTrue(row.textContent().contains("1 / 3") && row.textContent().contains("in progress"), row.textContent());
    row.locator("button.submit-job").click();
    page.locator("#override-dialog").waitFor();
    assertTrue(page.locator("#override-findings").textContent().contains("ocr.charset"), page.locator("#override-findings").textContent());
    screenshot("jobs-override");
    page.locator("#override-confirm").click();
    assertTrue(page.locator("#override-error").textContent().contains("reason"), "a reason is required");
    page.locator("#override-reason").pressSequentially("the sign really shows a hash mark");
    page.locator("#override-confirm").click();
    page.waitForFunction("id => document.querySelector(`#my-jobs tr[data-job-id='${id}']`)?.dataset.state === 'submitted'", jobA);
    JsonNode submitted = admin.get("/api/jobs/" + jobA);
    assertEquals("submitted", submitted.path("state").asText());
    assertTrue(submitted.path("override").toString().contains("the sign really shows a hash mark"), submitted.path("override").toString());
    assertTrue(page.locator("#my-jobs tr[data-job-id='" + jobA + "'] button.submit-job").isDisabled());
    // In Korean.
    page.locator("#language-switch").selectOption("ko");
    page.waitForFunction("() => document.querySelector('h1')?.textContent === '내 작업'");
    page.locator("#my-jobs tr[data-job-id='" + jobA + "']").waitFor();
    assertTrue(page.locator("#my-jobs tr[data-job-id='" + jobA + "']").textContent().contains("제출됨"));
  }

  void awaitDone(String jobId, int done) throws Exception {
    long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (System.nanoTime() < end) {
      if (admin.get("/api/jobs/" + jobId).path("doneCount").asInt() >= done) return;
      Thread.sleep(100);
    }
    throw new AssertionError("job " + jobId + " did not count " + done + " done items");
  }
}
