package org.trainset.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.trainset.core.sample.SampleOptions;

/**
 * Video tracks on the editor's canvas, in headless Chromium against a real server: the walker
 * track (keyframes at frames 0, x 10, and 10, x 80; green) is drawn at its interpolated box when
 * the video is stepped to frame 5 (dashed outline: not a keyframe), at its keyframe at frame 10
 * (solid); dragging the box at frame 5 stores a keyframe there (undo removes it, redo puts it
 * back), which is saved, survives a reload and is drawn solid. Pixels come from page screenshots.
 */
class VideoTrackCanvasBrowserTest extends BrowserTestBase {
  WebTestServer.Client admin;
  String videoItem;

  @Override void importData(WebTestServer.Client admin, Path tmp) throws Exception {
    this.admin = admin;
    Path cctv = tmp.resolve("cctv");
    MediaViewerBrowserTest.generator("aihub.cctv").generate(cctv, new SampleOptions(1, 3, false));
    String clips = admin.createProjectWithData("clips", null, null, MediaViewerBrowserTest.videoDataset(cctv, tmp.resolve("video")));
    videoItem = admin.get("/api/projects/" + clips + "/items").path("items").get(0).path("id").asText();
  }

  void openEditor() {
    page.navigate(server.baseUrl + "/items/" + videoItem + "/edit");
    page.waitForFunction("() => window.trainset?.editor?.media.ready && document.querySelector('#panel-video')?.dataset.ready === 'true'"
        + " && window.trainset.editor.draw.tiles.complete");
    settle();
  }

  /** Steps the video with the panel's ▶ button until frame {@code n} is presented and drawn. */
  void stepTo(int n) {
    int now = Integer.parseInt(page.locator("#panel-video").getAttribute("data-frame"));
    while (now != n) {
      page.locator(now < n ? "#frame-next" : "#frame-prev").click();
      now += now < n ? 1 : -1;
      page.waitForFunction("f => document.querySelector('#panel-video').dataset.frame === String(f)", now);
    }
    page.waitForFunction("f => window.trainset.editor.draw.frame === f && window.trainset.editor.draw.tiles.complete", n);
    settle();
  }

  /** The page point of media point (x, y). */
  double[] pagePoint(double x, double y) {
    List<?> p = (List<?>) page.evaluate("""
        ([x, y]) => { const [sx, sy] = window.trainset.editor.toScreen(x, y);
          const r = document.querySelector('#editor-stage').getBoundingClientRect(); return [r.left + sx, r.top + sy]; }""", List.of(x, y));
    return new double[] {((Number) p.get(0)).doubleValue(), ((Number) p.get(1)).doubleValue()};
  }

  static boolean green(int rgb) {
    int r = (rgb >> 16) & 255, g = (rgb >> 8) & 255, b = rgb & 255;
    return g > 170 && r < 110 && b < 110;
  }

  /**
   * Share of the rows along the vertical media line x (from y0 to y1) whose pixels, within 2 px
   * of the line on a page screenshot, include the track's green: about 1 for a solid outline,
   * about 0.6 for the dashed one (6 px on, 4 off), about 0 where nothing is drawn.
   */
  double greenAlong(double x, double y0, double y1) throws Exception {
    settle();
    BufferedImage shot = ImageIO.read(new ByteArrayInputStream(page.screenshot()));
    double[] top = pagePoint(x, y0), bottom = pagePoint(x, y1);
    // Only rows inside the stage box (pixels below it are the video and the panels).
    double boxBottom = ((Number) page.evaluate("() => document.querySelector('#editor-stage').getBoundingClientRect().bottom")).doubleValue();
    int px = (int) Math.round(top[0]), rows = 0, hit = 0;
    for (int y = (int) Math.ceil(top[1]); y <= (int) Math.floor(Math.min(bottom[1], boxBottom - 2)); y++) {
      rows++;
      for (int dx = -2; dx <= 2; dx++) {
        if (green(shot.getRGB(px + dx, y))) {
          hit++;
          break;
        }
      }
    }
    assertTrue(rows > 40, "the edge spans enough screen rows to judge: " + rows);
    return hit / (double) rows;
  }

  JsonNode awaitSaved(Predicate<JsonNode> test, String what) throws Exception {
    long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    JsonNode item = null;
    while (System.nanoTime() < end) {
      item = admin.get("/api/items/" + videoItem);
      if (test.test(item)) return item;
      Thread.sleep(100);
    }
    throw new AssertionError(what + " was not saved: " + item);
  }

  JsonNode sessionTrack() throws Exception {
    JsonNode anns = WebTestServer.JSON.readTree((String) page.evaluate("() => JSON.stringify(window.trainset.editor.annotations())"));
    for (JsonNode a : anns) if (a.path("type").asText().equals("track")) return a;
    throw new AssertionError("no track in " + anns);
  }

  @Test
  void trackIsDrawnAtTheFrameAndDraggingItStoresAKeyframe() throws Exception {
    signIn();
    openEditor();
    // Frame 0: the keyframe box at x 10..40, y 10..70, solid; nothing at frame 5's place yet.
    screenshot("track-frame0");
    double first = greenAlong(10, 16, 40);
    assertTrue(first > 0.9, "frame 0: solid keyframe edge at x 10: " + first + " at " + java.util.Arrays.toString(pagePoint(10, 20))
        + " draw " + page.evaluate("() => JSON.stringify(window.trainset.editor.draw)"));
    stepTo(5);
    // Frame 5: interpolated between x 10 and x 80 (y 10 and 20): the box at x 45, y 15, dashed.
    double dashed = greenAlong(45, 20, 44);
    assertTrue(dashed > 0.35 && dashed < 0.85, "frame 5: a dashed edge at the interpolated x 45: " + dashed);
    assertTrue(greenAlong(10, 16, 40) < 0.1, "frame 5: nothing left at the frame-0 place");
    screenshot("track-frame5-interpolated");
    stepTo(10);
    assertTrue(greenAlong(80, 25, 48) > 0.9, "frame 10: the solid keyframe edge at x 80");
    stepTo(5);

    // Drag the interpolated box 20 media pixels to the right: a keyframe at frame 5, x 65.
    double[] from = pagePoint(60, 45), to = pagePoint(80, 45);
    page.mouse().move(from[0], from[1]);
    page.mouse().down();
    for (int s = 1; s <= 8; s++) page.mouse().move(from[0] + (to[0] - from[0]) * s / 8, from[1]);
    page.mouse().up();
    page.waitForFunction("() => window.trainset.editor.annotations().find(a => a.type === 'track').frames.some(f => f.frame === 5)");
    JsonNode track = sessionTrack();
    JsonNode key = EditorPanelsBrowserTest.keyframe(wrap(track), 5);
    assertNotNull(key, "a keyframe at frame 5 in the session: " + track);
    assertEquals(65.0, key.path("shape").path("x").asDouble(), 1.5);
    assertEquals(15.0, key.path("shape").path("y").asDouble(), 1.0);
    assertTrue(key.path("keyframe").asBoolean());
    // Undo removes the keyframe, redo puts it back (one EditSession step).
    page.locator("#item-id").click();
    page.keyboard().press("Control+Z");
    page.waitForFunction("() => !window.trainset.editor.annotations().find(a => a.type === 'track').frames.some(f => f.frame === 5)");
    page.keyboard().press("Control+Shift+Z");
    page.waitForFunction("() => window.trainset.editor.annotations().find(a => a.type === 'track').frames.some(f => f.frame === 5)");
    JsonNode saved = awaitSaved(i -> EditorPanelsBrowserTest.keyframe(i, 5) != null, "the keyframe at frame 5");
    assertEquals(65.0, EditorPanelsBrowserTest.keyframe(saved, 5).path("shape").path("x").asDouble(), 1.5);
    assertNotNull(EditorPanelsBrowserTest.keyframe(saved, 0), "keyframe 0 kept");
    assertNotNull(EditorPanelsBrowserTest.keyframe(saved, 10), "keyframe 10 kept");

    // Reload: the saved keyframe is drawn solid at frame 5, where the box was dashed before.
    openEditor();
    stepTo(5);
    assertTrue(greenAlong(65, 20, 44) > 0.9, "after reload, frame 5 is a keyframe: solid edge at x 65");
    assertTrue(greenAlong(45, 20, 44) < 0.1, "nothing at the old interpolated place");
    // Frame 3 interpolates between keyframes 0 (x 10) and 5 (x 65): x 43, dashed.
    stepTo(3);
    double between = greenAlong(43, 18, 42);
    assertTrue(between > 0.35 && between < 0.85, "frame 3 interpolates towards the new keyframe: " + between);
    assertNull(EditorPanelsBrowserTest.keyframe(wrap(sessionTrack()), 3), "stepping stores nothing");
    screenshot("track-frame3-after-reload");
  }

  /**
   * The stage is measured once its box is laid out with the video and the panels under it: the
   * drawn view, the canvases' backing store (the box plus PanSurface's 256 px margin on each side)
   * and the fitted frame agree with the box, and the first frame's pixels are on the media canvas
   * inside the box, all without any resize of the window. A window resize later resizes the stage.
   */
  @Test
  void stageIsMeasuredAfterItsBoxIsLaidOutAndFollowsItsSize() {
    signIn();
    openEditor();
    Map<?, ?> m = stageMeasures();
    assertEquals(m.get("boxW"), m.get("viewW"), "view width = box width: " + m);
    assertEquals(m.get("boxH"), m.get("viewH"), "view height = box height: " + m);
    assertEquals(((Number) m.get("boxH")).intValue() + 2 * 256, ((Number) m.get("canvasH")).intValue(), "backing store: " + m);
    assertEquals(((Number) m.get("boxW")).intValue() + 2 * 256, ((Number) m.get("canvasW")).intValue(), "backing store: " + m);
    assertFrameInsideBox(m);
    assertTrue(((Number) m.get("drawnAlpha")).intValue() == 255, "the first frame is drawn at its centre on the media canvas: " + m);
    screenshot("video-stage-first-frame");

    // A smaller window shrinks the box; the stage follows it and fits the frame again.
    page.setViewportSize(1000, 700);
    page.waitForFunction("() => { const b = document.querySelector('#editor-stage'); const d = window.trainset.editor.draw;"
        + " return d.height === b.clientHeight && d.width === b.clientWidth; }");
    settle();
    Map<?, ?> after = stageMeasures();
    assertTrue(((Number) after.get("boxW")).intValue() < ((Number) m.get("boxW")).intValue(), "the box shrank: " + after);
    assertEquals(((Number) after.get("boxH")).intValue() + 2 * 256, ((Number) after.get("canvasH")).intValue(), "backing store: " + after);
    assertFrameInsideBox(after);
    assertTrue(((Number) after.get("drawnAlpha")).intValue() == 255, "the frame is drawn after the resize: " + after);
  }

  Map<?, ?> stageMeasures() {
    return (Map<?, ?>) page.evaluate("""
        () => {
          const box = document.querySelector('#editor-stage'), e = window.trainset.editor, d = e.draw;
          const canvas = box.querySelector('canvas'); // the media layer's (a video is drawn on it)
          const v = document.querySelector('video.editor-video');
          const [x0, y0] = e.toScreen(0, 0), [x1, y1] = e.toScreen(v.videoWidth, v.videoHeight);
          const [cx, cy] = e.toCanvas(v.videoWidth / 2, v.videoHeight / 2);
          const ratio = canvas.width / canvas.clientWidth;
          const px = canvas.getContext('2d').getImageData(Math.round(cx * ratio), Math.round(cy * ratio), 1, 1).data;
          return { boxW: box.clientWidth, boxH: box.clientHeight, viewW: d.width, viewH: d.height,
            canvasW: canvas.width, canvasH: canvas.height, x0, y0, x1, y1, drawnAlpha: px[3] };
        }""");
  }

  /** The fitted frame (95 % of the box, centred) lies inside the box. */
  static void assertFrameInsideBox(Map<?, ?> m) {
    double x0 = ((Number) m.get("x0")).doubleValue(), y0 = ((Number) m.get("y0")).doubleValue();
    double x1 = ((Number) m.get("x1")).doubleValue(), y1 = ((Number) m.get("y1")).doubleValue();
    double w = ((Number) m.get("boxW")).doubleValue(), h = ((Number) m.get("boxH")).doubleValue();
    assertTrue(x0 >= 0 && y0 >= 0 && x1 <= w && y1 <= h, "the frame is inside the box: " + m);
    assertTrue(Math.abs((x0 + x1) / 2 - w / 2) < 1 && Math.abs((y0 + y1) / 2 - h / 2) < 1, "and centred in it: " + m);
  }

  /** An item-shaped node holding one track (for EditorPanelsBrowserTest.keyframe). */
  static JsonNode wrap(JsonNode track) {
    var item = WebTestServer.JSON.createObjectNode();
    item.putArray("annotations").add(track);
    return item;
  }
}
