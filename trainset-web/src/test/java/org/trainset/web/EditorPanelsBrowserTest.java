package org.trainset.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.BoundingBox;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.trainset.core.sample.SampleOptions;

/**
 * The editor's text and video panels in headless Chromium on the editor page (/items/{id}/edit),
 * typing and dragging as a person does, against a real server: an OCR transcription with a forbidden
 * character (the family's charset rule flags it through the server's check, and the warning
 * clears at once when it is deleted), a CCTV event drawn on the timeline by dragging and then
 * resized (saved with the right start and end; its pixels are on the timeline), a translation
 * pair edited, and undo/redo of a panel edit reaching the saved item.
 */
class EditorPanelsBrowserTest extends BrowserTestBase {
  WebTestServer.Client admin;
  String ocrItem;
  int ocrWord;
  String pairItem;
  String videoItem;
  String dicomItem;
  String sceneItem;

  @Override void importData(WebTestServer.Client admin, Path tmp) throws Exception {
    this.admin = admin;
    Path ocr = tmp.resolve("ocr");
    MediaViewerBrowserTest.generator("aihub.ocr").generate(ocr, new SampleOptions(4, 5, false));
    String ocrProject = admin.createProjectWithData("signs", "aihub.ocr", null, ocr);
    find:
    for (JsonNode summary : admin.get("/api/projects/" + ocrProject + "/items?limit=50").path("items")) {
      JsonNode item = admin.get("/api/items/" + summary.path("id").asText());
      JsonNode anns = item.path("annotations");
      for (int i = 0; i < anns.size(); i++) {
        if (anns.get(i).path("label").asText().equals("word") && anns.get(i).path("attributes").has("text")) {
          ocrItem = item.path("id").asText();
          ocrWord = i;
          break find;
        }
      }
    }
    Path medical = tmp.resolve("medical");
    MediaViewerBrowserTest.generator("aihub.medical").generate(medical, new SampleOptions(2, 7, false));
    String medicalProject = admin.createProjectWithData("mammography", "aihub.medical", null, medical);
    for (JsonNode item : admin.get("/api/projects/" + medicalProject + "/items?limit=50").path("items")) {
      if (dicomItem == null && item.path("media").get(0).path("kind").asText().equals("dicom")) dicomItem = item.path("id").asText();
    }
    String scenes = admin.createProjectWithData("street scenes", null, null, WebSample.write(tmp.resolve("web")));
    pairItem = admin.get("/api/projects/" + scenes + "/items?q=pair-1").path("items").get(0).path("id").asText();
    sceneItem = admin.get("/api/projects/" + scenes + "/items?q=scene-1").path("items").get(0).path("id").asText();
    Path cctv = tmp.resolve("cctv");
    MediaViewerBrowserTest.generator("aihub.cctv").generate(cctv, new SampleOptions(1, 3, false));
    String clips = admin.createProjectWithData("clips", null, null, MediaViewerBrowserTest.videoDataset(cctv, tmp.resolve("video")));
    videoItem = admin.get("/api/projects/" + clips + "/items").path("items").get(0).path("id").asText();
  }

  /** Polls the saved item (through the API, as another client sees it) until {@code test} holds. */
  JsonNode awaitSaved(String itemId, Predicate<JsonNode> test, String what) throws Exception {
    long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    JsonNode item = null;
    while (System.nanoTime() < end) {
      item = admin.get("/api/items/" + itemId);
      if (test.test(item)) return item;
      Thread.sleep(100);
    }
    throw new AssertionError(what + " was not saved: " + item);
  }

  /** The editor page, which mounts the panels of PANELS. */
  void openEditor(String itemId) {
    signIn();
    go("/items/" + itemId + "/edit");
    page.locator("#save-state").waitFor();
  }

  @Test
  void ocrTranscriptionWithAForbiddenCharacterIsFlaggedThenClearedAndSaved() throws Exception {
    openEditor(ocrItem);
    page.locator("#ocr-regions li[data-index='" + ocrWord + "']").click();
    Locator field = page.locator("#ocr-text");
    assertTrue(field.isEnabled(), "the selected word's transcription is editable");
    field.click();
    page.keyboard().press("Control+A");
    field.pressSequentially("Hello#", new Locator.PressSequentiallyOptions().setDelay(30));
    // The family's charset rule (aihub.ocr pack, run by the server's live check) names the forbidden character.
    page.waitForFunction("() => document.querySelector('#ocr-warning').textContent.includes('#')");
    assertTrue(page.locator("#ocr-text.invalid").isVisible());
    page.waitForFunction("() => document.querySelector('#findings-box').textContent.includes('ocr.charset')");
    screenshot("panels-ocr-forbidden");
    // Deleting it clears the warning at once (before the next server check), and typing it again shows it at once.
    page.keyboard().press("Backspace");
    assertEquals("", page.locator("#ocr-warning").textContent());
    page.keyboard().type("#");
    assertTrue(page.locator("#ocr-warning").textContent().contains("#"), "known forbidden characters are flagged while typing");
    page.keyboard().press("Backspace");
    JsonNode saved = awaitSaved(ocrItem, i -> i.path("annotations").get(ocrWord).path("attributes").path("text").asText().equals("Hello"),
        "the transcription 'Hello'");
    assertEquals("word", saved.path("annotations").get(ocrWord).path("label").asText());
    // The server's check of the saved text no longer lists the finding.
    page.waitForFunction("() => !document.querySelector('#findings-box').textContent.includes('ocr.charset')");
    assertEquals("", page.locator("#ocr-warning").textContent());
  }

  @Test
  void translationPairIsEditedSavedAndUndoneAndRedone() throws Exception {
    openEditor(pairItem);
    Locator target = page.locator("#edit-pairs textarea.pair-target").first();
    assertEquals("Hello", target.inputValue());
    assertEquals("안녕하세요", page.locator("#edit-pairs textarea.pair-source").first().inputValue());
    target.click();
    page.keyboard().press("End");
    target.pressSequentially(", world");
    page.locator("#edit-pairs textarea.pair-source").first().click(); // leaving the field commits at once
    Predicate<JsonNode> edited = i -> pairOf(i).path("targetText").asText().equals("Hello, world");
    awaitSaved(pairItem, edited, "the edited translation");
    assertEquals("안녕하세요", pairOf(admin.get("/api/items/" + pairItem)).path("sourceText").asText());

    // Undo (the button) restores the text in the field and in the saved item; redo (Ctrl+Shift+Z) brings it back.
    page.locator("#undo").click();
    assertEquals("Hello", target.inputValue());
    awaitSaved(pairItem, i -> pairOf(i).path("targetText").asText().equals("Hello"), "the undone translation");
    page.locator("#item-id").click();
    page.keyboard().press("Control+Shift+Z");
    assertEquals("Hello, world", target.inputValue());
    awaitSaved(pairItem, edited, "the redone translation");

    // A new row: both sides typed, saved as a second pair.
    page.locator("#text-pairs-add").click();
    page.locator("#edit-pairs textarea.pair-source").nth(1).click();
    page.keyboard().type("감사합니다");
    page.locator("#edit-pairs textarea.pair-target").nth(1).click();
    page.keyboard().type("Thank you");
    page.locator("#edit-pairs textarea.pair-source").first().click();
    awaitSaved(pairItem, i -> countPairs(i) == 2 && i.path("annotations").toString().contains("Thank you")
        && i.path("annotations").toString().contains("감사합니다"), "the added pair");
  }

  @Test
  void captionIsEditedAsTextAndSaved() throws Exception {
    openEditor(sceneItem);
    Locator caption = page.locator("#edit-captions textarea.caption-text").first();
    assertEquals(WebSample.CAPTION, caption.inputValue(), "markup in a caption is text");
    caption.click();
    page.keyboard().press("End");
    page.keyboard().type(" today");
    awaitSaved(sceneItem, i -> i.path("annotations").toString().contains("at noon</i> today"), "the edited caption");
  }

  static JsonNode pairOf(JsonNode item) {
    for (JsonNode a : item.path("annotations")) if (a.path("type").asText().equals("text_pair")) return a;
    throw new AssertionError("no text pair in " + item);
  }

  static int countPairs(JsonNode item) {
    int n = 0;
    for (JsonNode a : item.path("annotations")) if (a.path("type").asText().equals("text_pair")) n++;
    return n;
  }

  /** RGBA of the event timeline's pixel at CSS (x, y) of the canvas. */
  @SuppressWarnings("unchecked")
  List<Number> timelinePixel(double x, double y) {
    settle();
    return (List<Number>) page.evaluate("""
        ({x, y}) => { const c = document.querySelector('#event-timeline'); const r = c.width / c.clientWidth;
          return Array.from(c.getContext('2d').getImageData(Math.round(x * r), Math.round(y * r), 1, 1).data); }""",
        Map.of("x", x, "y", y));
  }

  static boolean isBlue(List<Number> px) {
    return px.get(2).intValue() > 200 && px.get(0).intValue() < 60 && px.get(1).intValue() < 60;
  }

  @Test
  void cctvEventIsDrawnOnTheTimelineByDraggingResizedAndSaved() throws Exception {
    openEditor(videoItem);
    page.waitForFunction("() => document.querySelector('#panel-video')?.dataset.ready === 'true'");
    // Frame-exact stepping: the next-frame button presents frame 1, then 2.
    page.locator("#frame-next").click();
    page.waitForFunction("() => document.querySelector('#panel-video').dataset.frame === '1'");
    page.keyboard().press(".");
    page.waitForFunction("() => document.querySelector('#panel-video').dataset.frame === '2'");

    Locator name = page.locator("#new-event-name");
    name.click();
    page.keyboard().press("Control+A");
    name.pressSequentially("falling");
    page.locator("#event-timeline").scrollIntoViewIfNeeded();
    BoundingBox tl = page.locator("#event-timeline").boundingBox();
    double duration = 3.0, laneH = 18, top = 4;
    // Lanes: walking, falling, the dashed new-event lane, the walker track.
    double newLane = tl.y + top + 2 * laneH + laneH / 2, fallingLane = top + laneH + laneH / 2;
    double xAt05 = tl.width * 0.5 / duration, xAt15 = tl.width * 1.5 / duration, xAt10 = tl.width * 1.0 / duration;
    assertTrue(!isBlue(timelinePixel(xAt10, fallingLane)), "nothing drawn at 1.0 s in the falling lane yet");
    page.mouse().move(tl.x + xAt05, newLane);
    page.mouse().down();
    page.mouse().move(tl.x + xAt15, newLane, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(12));
    page.mouse().up();
    Predicate<JsonNode> created = i -> event(i, "falling", 0.5) != null && Math.abs(event(i, "falling", 0.5).path("end").asDouble() - 1.5) < 1e-6;
    JsonNode saved = awaitSaved(videoItem, created, "the new falling event 0.5-1.5 s");
    assertEquals("event", event(saved, "falling", 0.5).path("attributes").path("kind").asText());
    // Its bar is drawn in the falling lane in the label's colour (blue), between 0.5 and 1.5 s.
    assertTrue(isBlue(timelinePixel(xAt10, fallingLane)), "blue bar at 1.0 s: " + timelinePixel(xAt10, fallingLane));
    assertTrue(!isBlue(timelinePixel(tl.width * 1.8 / duration, fallingLane)), "no bar at 1.8 s");
    assertEquals("0.5", page.locator("#event-start").inputValue());
    assertEquals("1", page.locator("#event-duration").inputValue());
    assertEquals("frames 5–14", page.locator("#event-frames").textContent());
    screenshot("panels-timeline");

    // Dragging its right edge from 1.5 s to 2.0 s resizes it.
    double fallingY = tl.y + fallingLane;
    page.mouse().move(tl.x + xAt15 - 1, fallingY);
    page.mouse().down();
    page.mouse().move(tl.x + tl.width * 2.0 / duration, fallingY, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(8));
    page.mouse().up();
    awaitSaved(videoItem, i -> event(i, "falling", 0.5) != null && Math.abs(event(i, "falling", 0.5).path("end").asDouble() - 2.0) < 1e-6,
        "the event resized to 0.5-2.0 s");
    assertTrue(isBlue(timelinePixel(tl.width * 1.8 / duration, fallingLane)), "the bar now reaches 1.8 s");
    // Undo the resize with the keyboard: the saved event ends at 1.5 s again.
    page.locator("#item-id").click();
    page.keyboard().press("Control+Z");
    awaitSaved(videoItem, created, "the undone resize");
    // The original events are still there.
    JsonNode last = admin.get("/api/items/" + videoItem);
    assertTrue(event(last, "walking", 0.5) != null && event(last, "falling", 2.2) != null, last.toString());

    // The walker track's lane: a click at 0.55 s selects it and presents frame 5, where its box is
    // interpolated between keyframes 0 (x 10) and 10 (x 80); a new x there becomes a keyframe.
    double trackLane = tl.y + top + 3 * laneH + laneH / 2;
    page.mouse().click(tl.x + tl.width * 0.55 / duration, trackLane);
    page.waitForFunction("() => document.querySelector('#panel-video').dataset.frame === '5'");
    page.waitForFunction("() => document.querySelector('#track-x')?.value === '45'");
    Locator x = page.locator("#track-x");
    x.click();
    page.keyboard().press("Control+A");
    page.keyboard().type("50");
    page.keyboard().press("Tab");
    JsonNode keyed = awaitSaved(videoItem, i -> keyframe(i, 5) != null, "a keyframe at frame 5");
    assertEquals(50.0, keyframe(keyed, 5).path("shape").path("x").asDouble(), 1e-9);
    assertTrue(keyframe(keyed, 5).path("keyframe").asBoolean());
    assertTrue(page.locator("#track-keyframes").textContent().contains("0, 5, 10"), page.locator("#track-keyframes").textContent());
  }

  /** Mean red level of the editor stage's canvases (the DICOM picture is drawn into the scene tiles). */
  double stageBrightness() {
    settle();
    page.waitForFunction("() => window.trainset.editor.draw?.tiles.complete");
    settle();
    return ((Number) page.evaluate("""
        () => { let s = 0, n = 0;
          for (const c of document.querySelectorAll('#editor-stage canvas')) {
            const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
            for (let i = 0; i < d.length; i += 4) { s += d[i] * d[i + 3] / 255; n++; } }
          return s / n; }""")).doubleValue();
  }

  @Test
  void dicomWindowAndLevelPanelDrivesTheEditorsPicture() {
    openEditor(dicomItem);
    page.waitForFunction("() => window.trainset.editor.media.ready && document.querySelector('#wl-level-value')");
    double before = stageBrightness();
    assertTrue(before > 1, "the mammogram is drawn: " + before);
    // A narrow window at the bottom of the value range turns the tissue white.
    String min = page.locator("#wl-level").getAttribute("min");
    page.locator("#wl-level-value").click();
    page.keyboard().press("Control+A");
    page.keyboard().type(min);
    page.keyboard().press("Tab");
    page.locator("#wl-width-value").click();
    page.keyboard().press("Control+A");
    page.keyboard().type("1");
    page.keyboard().press("Tab");
    page.waitForFunction("() => window.trainset.editor.media.window[1] === 1");
    double narrow = stageBrightness();
    assertTrue(narrow > before + 5, "a low, narrow window brightens the picture: " + before + " -> " + narrow);
    // The file's own window brings the first picture back.
    page.locator("#wl-file").click();
    page.waitForFunction("() => window.trainset.editor.media.window[1] !== 1");
    assertEquals(before, stageBrightness(), 1.0);
  }

  static JsonNode keyframe(JsonNode item, int frame) {
    for (JsonNode a : item.path("annotations")) {
      if (!a.path("type").asText().equals("track")) continue;
      for (JsonNode f : a.path("frames")) if (f.path("frame").asInt() == frame) return f;
    }
    return null;
  }

  static JsonNode event(JsonNode item, String label, double start) {
    for (JsonNode a : item.path("annotations")) {
      if (a.path("type").asText().equals("time_event") && a.path("label").asText().equals(label)
          && Math.abs(a.path("start").asDouble() - start) < 1e-6) return a;
    }
    return null;
  }
}
