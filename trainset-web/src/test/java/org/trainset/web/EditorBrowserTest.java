package org.trainset.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The item editor in headless Chromium, used with mouse and keyboard: shapes drawn and edited
 * with the tools, attributes set in the inspector, undo/redo, autosave checked over the API and
 * on the canvas after a reload; two browsers saving the same item; the mask brush and eraser,
 * a tag, and copy/paste between items.
 */
class EditorBrowserTest extends BrowserTestBase {
  static final int SCENE = 1, EDIT = 2; // the stage's canvases: media (video only), tiles, interaction
  WebTestServer.Client admin;
  String project;
  final Map<String, String> ids = new HashMap<>();

  @Override void importData(WebTestServer.Client admin, Path tmp) throws Exception {
    this.admin = admin;
    project = admin.createProjectWithData("editing", null, null, EditorSample.write(tmp.resolve("editor")));
    for (JsonNode item : admin.get("/api/projects/" + project + "/items").path("items")) ids.put(item.path("name").asText(), item.path("id").asText());
  }

  /** Opens an item's editor and waits for its first complete frame. */
  void openEditor(Page p, String name) {
    p.evaluate("u => { history.pushState(null, '', u); dispatchEvent(new PopStateEvent('popstate')); }", "/items/" + ids.get(name) + "/edit");
    awaitEditor(p);
  }

  static void awaitEditor(Page p) {
    p.waitForFunction("() => window.trainset?.editor?.media.ready && window.trainset.editor.draw?.firstPaint != null");
  }

  /** Page coordinates of media point (x, y). */
  static double[] at(Page p, double x, double y) {
    List<?> s = (List<?>) p.evaluate("([x, y]) => { const [sx, sy] = window.trainset.editor.toScreen(x, y);"
        + " const r = document.querySelector('#editor-stage').getBoundingClientRect(); return [r.left + sx, r.top + sy]; }", List.of(x, y));
    return new double[] {((Number) s.get(0)).doubleValue(), ((Number) s.get(1)).doubleValue()};
  }

  static void drag(Page p, double x0, double y0, double x1, double y1) {
    double[] a = at(p, x0, y0), b = at(p, x1, y1);
    p.mouse().move(a[0], a[1]);
    p.mouse().down();
    p.mouse().move(b[0], b[1], new com.microsoft.playwright.Mouse.MoveOptions().setSteps(8));
    p.mouse().up();
  }

  static void click(Page p, double x, double y) {
    double[] a = at(p, x, y);
    p.mouse().click(a[0], a[1]);
  }

  static void awaitCount(Page p, int n) {
    p.waitForFunction("n => window.trainset.editor.annotations().length === n", n);
  }

  static void awaitSaved(Page p, int version) {
    p.waitForFunction("v => window.trainset.editor.saveState() === 'saved' && window.trainset.editor.version() >= v", version);
  }

  static JsonNode annotations(Page p) throws Exception {
    return WebTestServer.JSON.readTree((String) p.evaluate("() => JSON.stringify(window.trainset.editor.annotations())"));
  }

  /** RGBA at media point (x, y) on one of the stage's canvases: the most opaque pixel of the 3×3 block. */
  static List<Number> pixel(Page p, int canvas, double x, double y) {
    p.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(null))))");
    @SuppressWarnings("unchecked")
    List<Number> px = (List<Number>) p.evaluate("""
        ({x, y, i}) => {
          const [sx, sy] = window.trainset.editor.toCanvas(x, y);
          const c = document.querySelectorAll('#editor-stage canvas')[i];
          const ratio = c.width / c.clientWidth;
          const d = c.getContext('2d').getImageData(Math.round(sx * ratio) - 1, Math.round(sy * ratio) - 1, 3, 3).data;
          let best = [0, 0, 0, 0];
          for (let k = 0; k < d.length; k += 4) {
            const score = Math.max(d[k], d[k + 1], d[k + 2]);
            if (d[k + 3] > 0 && score > Math.max(best[0], best[1], best[2])) best = [d[k], d[k + 1], d[k + 2], d[k + 3]];
          }
          return best;
        }""", Map.of("x", x, "y", y, "i", canvas));
    return px;
  }

  static void assertColour(Page p, int canvas, double x, double y, int r, int g, int b, String what) {
    List<Number> px = pixel(p, canvas, x, y);
    assertTrue(Math.abs(px.get(0).intValue() - r) < 70 && Math.abs(px.get(1).intValue() - g) < 70 && Math.abs(px.get(2).intValue() - b) < 70,
        what + " at (" + x + "," + y + "): expected ~" + r + "," + g + "," + b + " got " + px);
  }

  static void assertNear(double expected, JsonNode actual, String what) {
    assertEquals(expected, actual.asDouble(), 1.5, what);
  }

  @Test
  void drawBoxWithAttributesPolygonAndSkeletonThenUndoRedoSaveAndReload() throws Exception {
    signIn();
    go("/items/" + ids.get("draw"));
    page.locator("#edit-item").click();
    page.waitForURL("**/items/*/edit");
    awaitEditor(page);

    // A box of label car, then two of its attributes in the inspector.
    page.locator("#label-picker").selectOption("car");
    page.locator("[data-tool=box]").click();
    drag(page, 50, 50, 150, 120);
    awaitCount(page, 1);
    page.locator("#attr-colour").selectOption("blue");
    page.locator("#attr-parked").check();
    page.waitForFunction("() => window.trainset.editor.annotations()[0].attributes?.parked === true");

    // A polygon of four clicks finished with Enter; then drag its third vertex.
    page.locator("#label-picker").selectOption("road");
    page.locator("[data-tool=polygon]").click();
    for (double[] v : new double[][] {{200, 180}, {300, 180}, {300, 260}, {200, 260}}) click(page, v[0], v[1]);
    page.keyboard().press("Enter");
    awaitCount(page, 2);
    page.keyboard().press("v");
    drag(page, 300, 260, 340, 280);
    page.waitForFunction("() => Math.abs(window.trainset.editor.annotations()[1].points[4] - 340) < 2");

    // A skeleton: head, hip (Shift: occluded), foot, placed in the schema's order.
    page.locator("#label-picker").selectOption("person");
    page.locator("[data-tool=points]").click();
    assertTrue(page.locator("#tool-hint").textContent().contains("head"), page.locator("#tool-hint").textContent());
    click(page, 350, 40);
    page.keyboard().down("Shift");
    click(page, 350, 90);
    page.keyboard().up("Shift");
    click(page, 350, 140);
    awaitCount(page, 3);

    // Undo takes the skeleton away, redo brings it back.
    page.keyboard().press("Control+z");
    awaitCount(page, 2);
    page.keyboard().press("Control+Shift+z");
    awaitCount(page, 3);

    JsonNode a = annotations(page);
    JsonNode box = a.get(0), polygon = a.get(1), person = a.get(2);
    assertEquals("box", box.path("type").asText());
    assertNear(50, box.path("x"), "box x");
    assertNear(70, box.path("h"), "box height");
    assertEquals("blue", box.path("attributes").path("colour").asText());
    assertEquals("polygon", polygon.path("type").asText());
    assertNear(340, polygon.path("points").get(4), "moved vertex x");
    assertNear(280, polygon.path("points").get(5), "moved vertex y");
    assertEquals("[2,1,2]", person.path("visibility").toString());
    assertNear(90, person.path("points").get(3), "hip y");

    // Autosaved: the server holds the same annotations.
    page.keyboard().press("Escape");
    page.keyboard().press("Escape");
    awaitSaved(page, 2);
    JsonNode saved = admin.get("/api/items/" + ids.get("draw")).path("annotations");
    assertEquals(3, saved.size(), saved.toString());
    assertEquals("blue", saved.get(0).path("attributes").path("colour").asText());
    assertTrue(saved.get(0).path("attributes").path("parked").asBoolean(), saved.toString());
    assertNear(340, saved.get(1).path("points").get(4), "saved vertex");
    assertEquals("[2,1,2]", saved.get(2).path("visibility").toString());
    screenshot("editor-drawn");

    // After a reload the cached tiles draw all three shapes.
    page.reload();
    awaitEditor(page);
    assertEquals(3, annotations(page).size());
    assertColour(page, SCENE, 50, 85, 255, 0, 0, "box left edge");
    assertColour(page, SCENE, 250, 180, 0, 255, 0, "polygon top edge");
    assertColour(page, SCENE, 350, 40, 255, 255, 0, "head joint");
    assertColour(page, SCENE, 310, 230, 38, 90, 38, "polygon fill (green at 20 %) where the moved vertex widened it");
  }

  @Test
  void twoBrowsersSavingTheSameItemShowTheConflictAndLoseNothing() throws Exception {
    signIn();
    openEditor(page, "conflict");
    try (BrowserContext other = chromium.browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 860).setLocale("en-US"))) {
      Page b = other.newPage();
      b.navigate(server.baseUrl + "/login");
      b.locator("#login-username").pressSequentially(USER);
      b.locator("#login-password").pressSequentially(PASSWORD);
      b.locator("#login-submit").click();
      b.waitForURL("**/projects");
      openEditor(b, "conflict");

      page.locator("[data-tool=box]").click();
      drag(page, 150, 150, 220, 200);
      awaitSaved(page, 2);

      b.locator("[data-tool=box]").click();
      drag(b, 250, 50, 350, 120);
      b.locator("#conflict").waitFor();
      String banner = b.locator("#conflict").textContent();
      assertTrue(banner.contains("version 2") && banner.contains("1 shapes added"), banner);
      assertEquals("conflict", b.evaluate("() => window.trainset.editor.saveState()"));
      // Still version 2 on the server: the conflict did not overwrite it.
      assertEquals(2, admin.get("/api/items/" + ids.get("conflict")).path("version").asInt());

      b.locator("#conflict-keep").click();
      awaitSaved(b, 3);
      JsonNode versions = admin.get("/api/items/" + ids.get("conflict") + "/versions").path("versions");
      JsonNode v2 = null, v3 = null;
      for (JsonNode v : versions) {
        if (v.path("version").asInt() == 2) v2 = v;
        if (v.path("version").asInt() == 3) v3 = v;
      }
      assertTrue(v2 != null && v3 != null, versions.toString());
      assertNear(150, v2.path("annotations").get(1).path("x"), "the first browser's box is kept in version 2");
      assertNear(250, v3.path("annotations").get(1).path("x"), "the second browser's box is version 3");
      assertEquals(2, v3.path("annotations").size());
    }
  }

  @Test
  void maskBrushAndEraserATagAndCopyPasteBetweenItems() throws Exception {
    signIn();
    openEditor(page, "mask");
    page.locator("#label-picker").selectOption("sky");
    page.locator("[data-tool=brush]").click();
    drag(page, 100, 100, 200, 100);
    awaitCount(page, 1);
    JsonNode mask = annotations(page).get(0);
    assertEquals("mask", mask.path("type").asText());
    int painted = setPixels(mask);
    assertTrue(mask.path("width").asInt() >= 100 && mask.path("width").asInt() <= 125 && painted > 1500, mask.toString());

    // The eraser cuts the stroke in two.
    page.locator("[data-tool=eraser]").click();
    drag(page, 150, 80, 150, 120);
    page.waitForFunction("n => { const m = window.trainset.editor.annotations()[0]; let s = 0; m.runs.forEach((r, i) => { if (i % 2) s += r; }); return s < n; }", painted);
    JsonNode erased = annotations(page).get(0);
    assertTrue(setPixels(erased) < painted, erased.toString());
    page.keyboard().press("Escape"); // back to the select tool
    page.keyboard().press("Escape"); // nothing selected: the mask is drawn in the tiles again
    assertColour(page, SCENE, 110, 100, 140, 25, 140, "mask pixels (magenta at 45 % over the image) in the tile");

    // A tag for the whole item.
    page.locator("#label-picker").selectOption("daytime");
    page.locator("#add-tag").click();
    awaitCount(page, 2);
    assertEquals("tag", annotations(page).get(1).path("type").asText());

    // Copy the mask, paste it into another item.
    page.locator("#editor-annotations li[data-index='0']").click();
    page.locator("#editor-stage").hover();
    page.keyboard().press("Control+c");
    awaitSaved(page, 2);
    openEditor(page, "other");
    page.keyboard().press("Control+v");
    awaitCount(page, 1);
    awaitSaved(page, 2);
    JsonNode other = admin.get("/api/items/" + ids.get("other")).path("annotations");
    assertEquals("mask", other.get(0).path("type").asText());
    assertEquals(erased.path("runs").toString(), other.get(0).path("runs").toString());
  }

  /** The live check (POST /api/items/{id}/check) marks a box moved outside the image, and clears when it is back. */
  @Test
  void aLiveFindingShowsOnTheShapeAndInTheListAndClearsWhenFixed() {
    signIn();
    openEditor(page, "finding");
    page.waitForFunction("() => window.trainset.editor.checks() >= 1");
    assertEquals(0, markerPixels(page), "no finding on the saved item");
    drag(page, 60, 50, 0, 50); // the box (20,20 80x60) now starts at x = -40
    page.waitForFunction("() => window.trainset.editor.findings().some(f => f.rule === 'box-outside-image' && f.annotation === 0)");
    page.keyboard().press("Escape"); // deselect: only the marker is left on the interaction layer
    page.waitForFunction("() => window.trainset.editor.draw.selected === null && window.trainset.editor.draw.marked.includes(0)");
    assertTrue(markerPixels(page) > 30, "the finding's marker is drawn on the shape");
    var row = page.locator("#live-findings li[data-rule=box-outside-image]");
    assertTrue(row.textContent().contains("box-outside-image"), row.textContent());
    screenshot("editor-finding");
    row.click(); // the list selects the offending shape
    page.waitForFunction("() => window.trainset.editor.draw.selected === 0");
    drag(page, 0, 50, 60, 50);
    page.waitForFunction("() => window.trainset.editor.findings().length === 0 && window.trainset.editor.draw.marked.length === 0");
    page.locator("#findings-state").waitFor();
    page.keyboard().press("Escape");
    page.waitForFunction("() => window.trainset.editor.draw.selected === null");
    assertEquals(0, markerPixels(page), "the marker is gone");
  }

  /** Predictions (a COCO results file) become drafts: shown dashed with their score, one accepted, one rejected. */
  @Test
  void draftsFromPredictionsAreAcceptedOrRejected() throws Exception {
    var preds = WebTestServer.JSON.readTree("""
        [{"image_id": 7, "category_id": 1, "bbox": [40, 40, 120, 80], "score": 0.92},
         {"image_id": 7, "category_id": 1, "bbox": [220, 150, 100, 90], "score": 0.41}]""");
    admin.send("POST", "/api/projects/" + project + "/predictions", preds, 200);
    signIn();
    openEditor(page, "drafts");
    page.locator("#drafts li").first().waitFor();
    assertEquals(2, page.locator("#drafts li").count());
    assertTrue(page.locator("#drafts").textContent().contains("0.92"), page.locator("#drafts").textContent());
    assertColour(page, SCENE, 40, 80, 255, 0, 0, "the draft's dashed outline");
    assertEquals(0, annotations(page).size(), "drafts are not annotations");

    click(page, 70, 80); // pick the first draft on the canvas
    page.locator("#drafts li.selected").waitFor();
    page.locator("#drafts li.selected button.accept").click();
    awaitCount(page, 1);
    page.locator("#drafts li[data-draft] button.reject").click();
    page.waitForFunction("() => document.querySelectorAll('#drafts li').length === 0");
    JsonNode saved = admin.get("/api/items/" + ids.get("drafts"));
    assertEquals(1, saved.path("annotations").size(), saved.toString());
    assertNear(40, saved.path("annotations").get(0).path("x"), "accepted draft x");
    assertEquals(0, admin.get("/api/items/" + ids.get("drafts") + "/drafts").path("drafts").size());
    assertEquals(saved.path("version").asInt(), ((Number) page.evaluate("() => window.trainset.editor.version()")).intValue());
    assertEquals("saved", page.evaluate("() => window.trainset.editor.saveState()"));
  }

  /** Alt+click selects the shape underneath; a hidden shape is neither drawn nor picked; a locked one is not picked or moved. */
  @Test
  void selectThroughHideAndLock() throws Exception {
    signIn();
    openEditor(page, "layers");
    click(page, 175, 175);
    page.waitForFunction("() => window.trainset.editor.draw.selected === 1");
    page.keyboard().down("Alt");
    click(page, 175, 175);
    page.keyboard().up("Alt");
    page.waitForFunction("() => window.trainset.editor.draw.selected === 0");

    click(page, 240, 240); // only the road box is here
    page.waitForFunction("() => window.trainset.editor.draw.selected === 1");
    page.keyboard().press("h");
    page.keyboard().press("Escape");
    List<Number> hidden = pixel(page, SCENE, 250, 220);
    assertTrue(hidden.get(1).intValue() < 120, "the hidden road box is not drawn: " + hidden);
    click(page, 175, 175);
    page.waitForFunction("() => window.trainset.editor.draw.selected === 0"); // the hidden box is not picked
    page.keyboard().press("Shift+H");
    page.keyboard().press("Escape");
    assertColour(page, SCENE, 250, 220, 0, 255, 0, "shown again");

    click(page, 240, 240);
    page.waitForFunction("() => window.trainset.editor.draw.selected === 1");
    page.keyboard().press("Shift+L");
    page.keyboard().press("Escape");
    click(page, 175, 175);
    page.waitForFunction("() => window.trainset.editor.draw.selected === 0"); // the locked box is not picked
    page.keyboard().press("Escape");
    drag(page, 240, 240, 280, 260); // on the locked box: pans instead of moving it
    assertNear(150, annotations(page).get(1).path("x"), "the locked box did not move");
    assertEquals(2, annotations(page).size());
  }

  /** Pixels of the error marker colour (#ff3b3b) on the interaction layer. */
  static int markerPixels(Page p) {
    p.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(null))))");
    return ((Number) p.evaluate(PixelScripts.COUNT_COLOUR, Map.of("selector", "#editor-stage canvas:nth-of-type(3)", "r", 255, "g", 59, "b", 59))).intValue();
  }

  static int setPixels(JsonNode mask) {
    int s = 0;
    JsonNode runs = mask.path("runs");
    for (int i = 1; i < runs.size(); i += 2) s += runs.get(i).asInt();
    return s;
  }
}
