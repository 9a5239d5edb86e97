package org.trainset.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The catalog in real headless Chromium: the server-rendered pages with JavaScript disabled (what
 * a search engine sees: search form, dataset card, escaped text), and the web app's catalog with
 * its charts, the read-only sample viewer and the "report a problem" form.
 */
class CatalogBrowserTest extends BrowserTestBase {
  static final String TITLE = "Street scenes <b>bold</b>";
  static final String DESCRIPTION = "Scenes & shapes <script>window.__pwned=1</script>";
  String projectId;
  WebTestServer.Client admin;

  @Override void importData(WebTestServer.Client admin, Path tmp) throws Exception {
    this.admin = admin;
    projectId = admin.createProjectWithData("street scenes", null, null, WebSample.write(tmp));
    ObjectNode body = WebTestServer.JSON.createObjectNode().put("dataset", "street-scenes").put("version", "1.0.0")
        .put("title", TITLE).put("description", DESCRIPTION).put("licence", "CC-BY-4.0").put("citation", "Lab (2026). Street scenes.");
    body.putObject("sample").put("size", 10);
    admin.send("POST", "/api/projects/" + projectId + "/releases", body, 201);
  }

  @Test
  void theServerRenderedCatalogWorksWithJavaScriptDisabled() {
    try (BrowserContext noJs = chromium.browser.newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false))) {
      Page p = noJs.newPage();
      p.navigate(server.baseUrl + "/catalog");
      assertEquals(1, p.locator("li.dataset").count());
      // the search form is a plain GET form: submitting it filters without any script
      p.locator("input[name=q]").fill("nothing matches this");
      p.locator("form button[type=submit]").click();
      p.waitForURL("**/catalog?q=nothing+matches+this**");
      assertEquals(0, p.locator("li.dataset").count());
      p.locator("input[name=q]").fill("shapes");
      p.locator("form button[type=submit]").click();
      p.waitForURL("**/catalog?q=shapes**");
      assertEquals(1, p.locator("li.dataset").count());

      p.locator("a[href='/catalog/street-scenes']").click();
      p.waitForURL("**/catalog/street-scenes");
      assertEquals(TITLE, p.locator("h1").innerText());
      assertEquals(DESCRIPTION, p.locator("p.description").innerText());
      assertEquals(0, p.locator("script").count(), "nothing from the data became a script");
      assertEquals(0, p.locator("article b").count(), "the title's markup stays text");
      String card = p.locator("article.dataset-card").innerText();
      assertTrue(card.contains("CC-BY-4.0") && card.contains("Lab (2026). Street scenes."), card);
      assertTrue(card.contains(WebSample.XSS_LABEL), "the injection label is shown as text: " + card);
      assertTrue(p.locator("table.chart .bar").count() >= 3, "label bars drawn in HTML");
      assertTrue(card.contains("1.0.0"));
      p.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "catalog-no-js.png")));
    }
  }

  @Test
  void theWebCatalogShowsChartsTheReadOnlySampleAndTakesAReport() throws Exception {
    page.navigate(server.baseUrl + "/datasets");
    page.locator(".dataset-link").first().click();
    page.waitForURL("**/datasets/street-scenes");
    assertEquals(TITLE, page.locator("#dataset-title").innerText());
    assertEquals(DESCRIPTION, page.locator("#dataset-description").innerText());
    page.locator("#chart-labels[data-rendered=true] canvas").waitFor();
    settle();
    Number coloured = (Number) page.evaluate("() => { const c = document.querySelector('#chart-labels canvas');"
        + " const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;"
        + " for (let i = 0; i < d.length; i += 4) if (d[i+2] > 150 && d[i] < 120 && d[i+3] > 200) n++; return n; }");
    assertTrue(coloured.intValue() > 100, "the label chart has bars: " + coloured);
    assertEquals(3, page.locator("a.sample-link").count());

    // the sample item in the viewer: its image and its shapes, without signing in
    page.locator("a.sample-link", new Page.LocatorOptions().setHasText("scene-1")).click();
    page.waitForURL("**/datasets/street-scenes/versions/1.0.0/sample/scene-1");
    awaitViewer();
    assertFalse(drawnIndexes().isEmpty(), "the sample's shapes are drawn");
    assertEquals(0, page.locator("#logout").count(), "a public page");
    page.locator("#back-to-items").click();
    page.waitForURL("**/datasets/street-scenes");

    // a signed-in user reports a problem; it opens in the project for its managers
    signIn();
    go("/datasets/street-scenes");
    page.locator("#report-text").waitFor();
    page.locator("#report-item").fill("scene-1");
    page.locator("#report-shape").fill("0");
    page.locator("#report-text").pressSequentially("the car is a bus");
    page.locator("#report-submit").click();
    page.locator("#report-status:has-text('Thank you')").waitFor();
    JsonNode reports = admin.get("/api/projects/" + projectId + "/reports").path("reports");
    assertEquals(1, reports.size());
    assertEquals("the car is a bus", reports.get(0).path("text").asText());
    assertEquals(0, reports.get(0).path("shapeIndex").asInt());
    assertEquals(USER, reports.get(0).path("reporter").asText());

    // the project's manager marks it fixed and freezes the next version from the releases tab
    go("/projects/" + projectId);
    page.locator("#tab-releases").click();
    page.waitForURL("**/projects/" + projectId + "/releases");
    page.locator("li.report .report-note").pressSequentially("relabelled as bus");
    page.locator("li.report .report-fix").click();
    page.locator("li.report .report-state:has-text('fixed')").waitFor();
    assertEquals("street-scenes", page.locator("#release-dataset").inputValue(), "the latest dataset is proposed");
    page.locator("#release-version").pressSequentially("1.1.0");
    page.locator("#release-submit").click();
    page.waitForURL("**/releases?created=1.1.0");
    page.locator("#release-list tr[data-version='1.1.0']").waitFor();
    assertEquals("fixed in v1.1.0", page.locator("li.report .report-state").innerText());
    JsonNode changes = admin.get("/api/datasets/street-scenes/versions/1.1.0/changes?from=1.0.0");
    assertEquals("relabelled as bus", changes.path("fixedReports").get(0).path("fixNote").asText());
  }
}
