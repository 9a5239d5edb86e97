package org.trainset.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trainset.core.sample.SampleOptions;

/**
 * The web app in real headless Chromium against a real server: sign in by typing, open the
 * project, read the charts' pixels, filter the grid by label, open an item and check every shape
 * on the viewer's canvas (pixels at the shapes' coordinates and the draw state), zoom and pan,
 * switch to Korean, and see that HTML in labels and attributes stays text.
 */
class WebAppBrowserTest extends BrowserTestBase {
  String projectId;
  String scene1Id;
  String sidewalkId;
  JsonNode sidewalkFindings;

  @Override void importData(WebTestServer.Client admin, Path tmp) throws Exception {
    projectId = admin.createProjectWithData("street scenes", null, null, WebSample.write(tmp));
    JsonNode items = admin.get("/api/projects/" + projectId + "/items?q=scene-1");
    scene1Id = items.path("items").get(0).path("id").asText();
    // A family sample with planted defects: its rule pack has findings to list.
    Path sidewalk = tmp.resolve("sidewalk");
    MediaViewerBrowserTest.generator("aihub.sidewalk").generate(sidewalk, new SampleOptions(6, 11, true));
    sidewalkId = admin.createProjectWithData("sidewalk", "aihub.sidewalk", null, sidewalk);
    sidewalkFindings = admin.get("/api/projects/" + sidewalkId + "/findings?limit=10000");
  }

  @Test
  void findingsListLinksToItemsAndFiltersTheGrid() {
    signIn();
    go("/projects/" + sidewalkId + "/findings");
    Locator rows = page.locator("#findings tbody tr");
    rows.first().waitFor();
    assertEquals(sidewalkFindings.path("shown").size(), rows.count());
    assertTrue(page.locator("#findings-count").textContent().contains(sidewalkFindings.path("findings").asText()));
    // The first finding's item link opens that item in the viewer.
    JsonNode first = sidewalkFindings.path("shown").get(0);
    rows.first().locator("a.finding-item").click();
    page.waitForURL("**/items/" + first.path("itemRef").asText());
    page.locator("#item-id").waitFor();
    assertTrue(page.locator("#item-id").textContent().contains(first.path("item").asText()));
    // A rule's link shows the grid of the items it flagged.
    String rule = first.path("rule").asText();
    java.util.Set<String> flagged = new java.util.HashSet<>();
    for (JsonNode f : sidewalkFindings.path("shown")) if (f.path("rule").asText().equals(rule)) flagged.add(f.path("item").asText());
    go("/projects/" + sidewalkId + "/findings");
    page.locator("a.rule-link", new Page.LocatorOptions().setHasText(rule)).first().click();
    page.locator("#item-grid[data-first-grid=true]").waitFor();
    java.util.Set<String> shown = new java.util.HashSet<>(page.locator("#item-grid a.cell").evaluateAll("cs => cs.map(c => c.dataset.name)") instanceof List<?> l
        ? l.stream().map(String::valueOf).toList() : List.of());
    assertEquals(flagged, shown);
    assertEquals(rule, page.locator("#filter-finding").inputValue());
  }

  @Test
  void signInByTypingThenOpenProjectWithCharts() {
    signIn();
    page.waitForFunction("() => document.querySelector('#whoami').textContent.includes('ana (manager)')");
    Locator link = page.locator("a.project-link", new Page.LocatorOptions().setHasText("street scenes"));
    link.click();
    page.waitForURL("**/projects/" + projectId);
    page.locator("#chart-labels[data-rendered=true]").waitFor();
    assertTrue(page.locator("#project-summary").textContent().contains("3 items"), page.locator("#project-summary").textContent());
    // Each chart's canvas holds bar pixels of its series colour (ECharts draws on canvas).
    for (String[] chart : new String[][] {{"chart-labels", "67,99,216"}, {"chart-types", "60,180,75"}, {"chart-subsets", "245,130,49"}}) {
      String[] rgb = chart[1].split(",");
      Number count = (Number) page.evaluate(PixelScripts.COUNT_COLOUR, Map.of("selector", "#" + chart[0] + " canvas",
          "r", Integer.parseInt(rgb[0]), "g", Integer.parseInt(rgb[1]), "b", Integer.parseInt(rgb[2])));
      assertTrue(count.intValue() > 200, chart[0] + " shows " + count + " bar pixels");
    }
    screenshot("project");
  }

  @Test
  void filterTheGridByLabel() {
    signIn();
    go("/projects/" + projectId + "/items");
    page.locator("#item-grid[data-first-grid=true]").waitFor();
    assertEquals(3, page.locator("#item-grid a.cell").count());
    screenshot("grid");
    page.locator("#filter-label").selectOption("bus");
    page.waitForURL("**/items?label=bus");
    page.locator("#item-grid[data-first-grid=true]").waitFor();
    Locator cells = page.locator("#item-grid a.cell");
    assertEquals(1, cells.count());
    assertEquals("scene-2", cells.first().getAttribute("data-name"));
    assertEquals("1", cells.first().getAttribute("data-shapes"), "the thumbnail drew the bus box");
    assertTrue(page.locator("#item-total").textContent().contains("1 items"));
    // The bus box (cyan) is drawn over the thumbnail.
    Number cyan = (Number) page.evaluate(PixelScripts.COUNT_COLOUR, Map.of("selector", "#item-grid a.cell canvas", "r", 0, "g", 255, "b", 255));
    assertTrue(cyan.intValue() > 20, "thumbnail overlay pixels: " + cyan);
    // Subset and name filters (server-side), from the filter bar.
    page.locator("#filter-label").selectOption("");
    page.waitForURL("**/items");
    page.locator("#filter-subset").selectOption("train");
    page.waitForURL("**/items?subset=train");
    page.locator("#item-grid[data-first-grid=true]").waitFor();
    assertEquals(List.of("scene-1", "pair-1"), page.locator("#item-grid a.cell").evaluateAll("cs => cs.map(c => c.dataset.name)"));
    page.locator("#filter-q").fill("pair");
    page.locator("#filter-q").press("Enter");
    page.waitForURL("**/items?subset=train&q=pair");
    page.locator("#item-grid[data-first-grid=true]").waitFor();
    assertEquals(List.of("pair-1"), page.locator("#item-grid a.cell").evaluateAll("cs => cs.map(c => c.dataset.name)"));
  }

  @Test
  void viewerDrawsEveryShapeAtItsCoordinatesAndZoomsAndPans() throws Exception {
    signIn();
    go("/projects/" + projectId + "/items");
    page.locator("#item-grid a.cell[data-name=scene-1][data-state=drawn]").click();
    page.waitForURL("**/items/" + scene1Id);
    awaitViewer();
    List<Number> drawn = drawnIndexes();
    assertEquals(List.of(0, 1, 2, 3, 4, 5, 8), drawn.stream().map(Number::intValue).toList(), "all spatial shapes drawn");

    // Pixels of the annotation layer at each shape's coordinates, in the label's colour.
    assertColourAt(WebSample.CAR.x() + 60, WebSample.CAR.y(), 255, 0, 0, "box top edge");
    double[] rotatedEdge = rotatedTopEdgeMiddle(WebSample.CAR_ROTATED);
    assertColourAt(rotatedEdge[0], rotatedEdge[1], 255, 0, 0, "rotated box edge");
    assertColourAt(100, 240, 0, 255, 0, "polygon fill");
    assertColourAt(300, 200, 0, 0, 255, "polyline vertex");
    assertColourAt(180, 10, 255, 255, 0, "visible keypoint");
    assertColourAt(184, 20, 255, 255, 0, "skeleton edge head-hip");
    assertColourAt(188 + 4 / viewerNumber("draw.scale"), 30, 255, 255, 0, "occluded keypoint (visibility 1) drawn as a ring of radius 4 px");
    assertColourAt(330, 240, 255, 0, 255, "mask pixel");
    assertTransparentAt(196, 50, "unlabelled keypoint (visibility 0) is not drawn");
    assertTransparentAt(192, 40, "no skeleton edge to an unlabelled keypoint");
    assertTransparentAt(380, 40, "background");

    // Zoom into the top-left corner: shapes out of view are culled by the R-tree.
    double scale0 = viewerNumber("draw.scale");
    page.evaluate("() => { const v = window.trainset.viewer; const [x, y] = v.toScreen(40, 40); v.zoomAt(6, x, y); }");
    page.waitForFunction("s => window.trainset.viewer.draw.scale > s * 5", scale0);
    List<Integer> zoomed = drawnIndexes().stream().map(Number::intValue).toList();
    assertTrue(zoomed.contains(WebSample.BOX) && !zoomed.contains(WebSample.MASK) && !zoomed.contains(WebSample.POLYLINE),
        "after zoom only shapes near (40,40) are drawn: " + zoomed);
    assertColourAt(WebSample.CAR.x() + 10, WebSample.CAR.y(), 255, 0, 0, "box edge after zoom");
    // Pan by dragging the stage with the mouse.
    double x0 = viewerNumber("draw.x");
    Locator stage = page.locator("#viewer-stage");
    var box = stage.boundingBox();
    page.mouse().move(box.x + 600, box.y + 300);
    page.mouse().down();
    page.mouse().move(box.x + 450, box.y + 300, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(5));
    page.mouse().up();
    assertEquals(x0 - 150, viewerNumber("draw.x"), 1.0, "dragging pans the stage");
    assertColourAt(WebSample.CAR.x() + 30, WebSample.CAR.y(), 255, 0, 0, "box edge after pan");

    page.locator("#zoom-fit").click();
    assertEquals(scale0, viewerNumber("draw.scale"), 1e-6);
    screenshot("viewer");
  }

  @Test
  void clickingAShapeSelectsItAndShowsItsAttributesAsText() {
    signIn();
    go("/items/" + scene1Id);
    awaitViewer();
    List<?> screen = (List<?>) page.evaluate("() => window.trainset.viewer.toScreen(190, 160)");
    var box = page.locator("#viewer-stage").boundingBox();
    page.mouse().click(box.x + ((Number) screen.get(0)).doubleValue(), box.y + ((Number) screen.get(1)).doubleValue());
    page.waitForFunction("() => window.trainset.viewer.draw.selected === " + WebSample.XSS_BOX);
    Locator details = page.locator("#selected-details");
    assertTrue(details.textContent().contains(WebSample.XSS_LABEL), details.textContent());
    assertTrue(details.textContent().contains(WebSample.XSS_ATTRIBUTE), details.textContent());
    assertEquals(0, page.locator("#selected-details img, #selected-details b, #selected-details script, #annotation-list img").count(),
        "no element was made from data");
    assertTrue(page.locator("#captions").textContent().contains(WebSample.CAPTION));
    assertEquals(0, page.locator("#captions i").count());
    assertEquals(null, page.evaluate("() => window.__xss ?? null"), "no injected script ran");
    assertTrue(page.locator("#annotation-list li.selected").textContent().contains(WebSample.XSS_LABEL));
  }

  @Test
  void htmlLabelsAreTextInChartsLinksAndGrid() {
    signIn();
    go("/projects/" + projectId);
    page.locator("#chart-labels[data-rendered=true]").waitFor();
    Locator link = page.locator("a.label-link", new Page.LocatorOptions().setHasText(WebSample.XSS_LABEL));
    assertEquals(1, link.count(), "the HTML label is shown literally");
    assertEquals(0, page.locator(".label-links img").count());
    link.click();
    page.locator("#item-grid[data-first-grid=true]").waitFor();
    assertEquals("scene-1", page.locator("#item-grid a.cell").first().getAttribute("data-name"));
    assertEquals(null, page.evaluate("() => window.__xss ?? null"));
  }

  @Test
  void switchingToKoreanTranslatesTheInterface() {
    signIn();
    go("/projects/" + projectId);
    page.locator("#chart-labels[data-rendered=true]").waitFor();
    assertEquals("Items", page.locator("#tab-items").textContent());
    page.locator("#language-switch").selectOption("ko");
    page.locator("#chart-labels[data-rendered=true][data-lang=ko]").waitFor();
    assertEquals("항목", page.locator("#tab-items").textContent());
    assertEquals("검사 결과", page.locator("#tab-findings").textContent());
    assertEquals("로그아웃", page.locator("#logout").textContent());
    assertTrue(page.locator("#project-summary").textContent().contains("항목 3개"), page.locator("#project-summary").textContent());
    assertEquals("ko", page.evaluate("() => document.documentElement.lang"));
    // The choice survives a reload, here of a deep link (the server answers index.html for app
    // paths), and applies to the viewer too.
    page.navigate(server.baseUrl + "/items/" + scene1Id);
    page.locator("#zoom-in").waitFor();
    assertEquals("확대", page.locator("#zoom-in").textContent());
    assertTrue(page.locator("#text-pairs, #annotation-list").first().textContent().length() > 0);
    screenshot("viewer-ko");
  }

  @Test
  void textPairsAreShownSideBySide() {
    signIn();
    go("/projects/" + projectId + "/items?q=pair-1");
    page.locator("#item-grid a.cell[data-name=pair-1]").click();
    Locator pairs = page.locator("#text-pairs tbody tr").first();
    pairs.waitFor();
    assertEquals("안녕하세요", pairs.locator("td").nth(0).textContent());
    assertEquals("Hello", pairs.locator("td").nth(1).textContent());
  }

  static double[] rotatedTopEdgeMiddle(org.trainset.core.model.Box b) {
    double cx = b.x() + b.width() / 2, cy = b.y() + b.height() / 2, rad = Math.toRadians(b.rotation());
    double dx = 0, dy = -b.height() / 2; // middle of the top edge before rotation
    return new double[] {cx + dx * Math.cos(rad) - dy * Math.sin(rad), cy + dx * Math.sin(rad) + dy * Math.cos(rad)};
  }
}
