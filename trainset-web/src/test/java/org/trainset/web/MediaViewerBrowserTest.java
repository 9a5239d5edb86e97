package org.trainset.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.trainset.core.FormatRegistry;
import org.trainset.core.convert.LossReport;
import org.trainset.core.model.AnnotationMeta;
import org.trainset.core.model.Box;
import org.trainset.core.model.DatasetSchema;
import org.trainset.core.model.Item;
import org.trainset.core.model.LabelDef;
import org.trainset.core.model.MediaKind;
import org.trainset.core.model.MediaRef;
import org.trainset.core.model.TimeEvent;
import org.trainset.core.model.Track;
import org.trainset.core.model.TrackFrame;
import org.trainset.core.sample.SampleGenerator;
import org.trainset.core.sample.SampleOptions;
import org.trainset.core.spi.ItemSink;
import org.trainset.core.spi.WriteOptions;

/**
 * The viewer's non-image media in headless Chromium: a DICOM mammogram from the aihub.medical
 * sample previewed through window/level (decoded in the browser), and an H.264 clip from the
 * aihub.cctv sample played on the stage with its events on the timeline and a track drawn at the
 * presented frame.
 */
class MediaViewerBrowserTest extends BrowserTestBase {
  static final int FPS = 10;
  String dicomItem;
  String videoItem;

  @Override void importData(WebTestServer.Client admin, Path tmp) throws Exception {
    Path medical = tmp.resolve("medical");
    generator("aihub.medical").generate(medical, new SampleOptions(2, 7, false));
    String medicalProject = admin.createProjectWithData("mammography", "aihub.medical", null, medical);
    for (var item : admin.get("/api/projects/" + medicalProject + "/items?limit=50").path("items")) {
      if (item.path("media").get(0).path("kind").asText().equals("dicom")) {
        dicomItem = item.path("id").asText();
        break;
      }
    }
    Path cctv = tmp.resolve("cctv");
    generator("aihub.cctv").generate(cctv, new SampleOptions(1, 3, false));
    String videoProject = admin.createProjectWithData("clips", null, null, videoDataset(cctv, tmp.resolve("video")));
    videoItem = admin.get("/api/projects/" + videoProject + "/items").path("items").get(0).path("id").asText();
  }

  static SampleGenerator generator(String id) {
    for (SampleGenerator g : ServiceLoader.load(SampleGenerator.class)) if (g.formatId().equals(id)) return g;
    throw new IllegalStateException("no sample generator " + id);
  }

  /** The cctv sample's clip (160×96, 10 fps, 3 s) with two events and a track, in the native format. */
  static Path videoDataset(Path cctv, Path dir) throws IOException {
    Path mp4;
    try (Stream<Path> s = Files.walk(cctv)) {
      mp4 = s.filter(p -> p.toString().endsWith(".mp4")).findFirst().orElseThrow();
    }
    Path media = dir.resolve("media");
    Files.createDirectories(media);
    Files.copy(mp4, media.resolve("clip.mp4"));
    Track walker = new Track(AnnotationMeta.of("walker"), List.of(
        new TrackFrame(0, new Box(AnnotationMeta.of("walker"), 10, 10, 30, 60), false, true),
        new TrackFrame(10, new Box(AnnotationMeta.of("walker"), 80, 20, 30, 60), false, true),
        new TrackFrame(20, new Box(AnnotationMeta.of("walker"), 80, 20, 30, 60), true, true)));
    Item clip = new Item("clip-1", null,
        List.of(new MediaRef(MediaKind.VIDEO, "clip.mp4", 160, 96, Map.of("fps", (double) FPS, "frames", 30L, "duration", 3.0))),
        Map.of(), List.of(new TimeEvent(AnnotationMeta.of("walking"), 0.5, 2.0), new TimeEvent(AnnotationMeta.of("falling"), 2.2, 2.8), walker));
    DatasetSchema schema = new DatasetSchema("clips", Map.of(),
        List.of(new LabelDef("walker", null, null, "#00ff00", null, List.of(), List.of(), List.of()),
            new LabelDef("walking", null, null, "#ff0000", null, List.of(), List.of(), List.of()),
            new LabelDef("falling", null, null, "#0000ff", null, List.of(), List.of(), List.of())), List.of());
    Path out = dir.resolve("dataset");
    try (ItemSink sink = FormatRegistry.load().require("trainset").writer().orElseThrow()
        .open(out, schema, new WriteOptions(media, true), LossReport.strict())) {
      sink.accept(clip);
      sink.commit();
    }
    return out;
  }

  /** Mean brightness of the media layer (the first of the stage's canvases). */
  double mediaBrightness() {
    return ((Number) page.evaluate("""
        () => { const c = document.querySelectorAll('#viewer-stage canvas')[0];
          const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let s = 0;
          for (let i = 0; i < d.length; i += 4) s += d[i]; return s / (d.length / 4); }""")).doubleValue();
  }

  /** The media route sends DICOM bytes uncompressed, as stored, so the browser decodes them. */
  @Test
  void dicomIsPreviewedThroughWindowAndLevel() {
    signIn();
    go("/items/" + dicomItem);
    page.waitForFunction("() => window.trainset?.viewer?.media.ready || window.trainset?.viewer?.media.error || document.querySelector('.media-extra .error')");
    assertEquals(null, page.evaluate("() => window.trainset?.viewer?.media.error ?? document.querySelector('.media-extra .error')?.textContent ?? null"),
        "the DICOM file was fetched and decoded (a server answering with a wrong Content-Length fails here)");
    awaitViewer();
    assertEquals("dicom", page.evaluate("() => window.trainset.viewer.media.kind"));
    List<?> window = (List<?>) page.evaluate("() => window.trainset.viewer.media.window");
    double brightness = mediaBrightness();
    assertTrue(brightness > 5 && brightness < 250, "the mammogram is drawn, not blank: mean " + brightness);
    screenshot("dicom");
    // Narrow the window far below the tissue values: the picture turns almost white.
    page.evaluate("""
        () => { const level = document.querySelector('#dicom-level'), width = document.querySelector('#dicom-window');
          level.value = level.min; level.dispatchEvent(new Event('input'));
          width.value = '1'; width.dispatchEvent(new Event('input')); }""");
    page.waitForFunction("w => window.trainset.viewer.media.window[1] !== w", ((Number) window.get(1)).doubleValue());
    // the new window is state at once but pixels only after the next frame is drawn
    page.waitForFunction("""
        b => { const c = document.querySelectorAll('#viewer-stage canvas')[0];
          const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let s = 0;
          for (let i = 0; i < d.length; i += 4) s += d[i]; return Math.abs(s / (d.length / 4) - b) > 1; }""", brightness);
    double after = mediaBrightness();
    assertNotEquals(brightness, after, 1.0);
    assertTrue(after > brightness, "a low, narrow window makes the image brighter: " + brightness + " -> " + after);
  }

  @Test
  void videoPlaysFramesWithEventsOnTheTimelineAndTheTrackAtEachFrame() {
    signIn();
    go("/items/" + videoItem);
    page.waitForFunction("() => window.trainset?.viewer?.media.ready || window.trainset?.viewer?.media.error", null);
    assertEquals(null, page.evaluate("() => window.trainset.viewer.media.error ?? null"), "Chromium decodes the H.264 clip");
    // The timeline shows both events (their label colours) and the track's span.
    Number red = (Number) page.evaluate(PixelScripts.COUNT_COLOUR, Map.of("selector", "#timeline", "r", 255, "g", 0, "b", 0));
    Number blue = (Number) page.evaluate(PixelScripts.COUNT_COLOUR, Map.of("selector", "#timeline", "r", 0, "g", 0, "b", 255));
    assertTrue(red.intValue() > 50 && blue.intValue() > 20, "event bars: red " + red + ", blue " + blue);

    // Click the timeline at 1.5 s: frame 15, where the track's box (from keyframe 10) is drawn.
    var tl = page.locator("#timeline").boundingBox();
    page.mouse().click(tl.x + tl.width * 1.55 / 3.0, tl.y + 5); // the middle of frame 15
    page.waitForFunction("() => window.trainset.viewer.media.frame === 15");
    page.waitForFunction("() => window.trainset.viewer.draw.drawn.includes(2)");
    assertColourAt(95, 20, 0, 255, 0, "track box top edge at frame 15");
    assertEquals("Frame 15", page.locator("#video-frame").textContent());
    screenshot("video");

    // At 2.5 s (frame 25) the track is outside: nothing is drawn.
    page.mouse().click(tl.x + tl.width * 2.55 / 3.0, tl.y + 5); // the middle of frame 25
    try {
      page.waitForFunction("() => window.trainset.viewer.media.frame === 25");
    } catch (com.microsoft.playwright.TimeoutError e) {
      throw new AssertionError("after seeking to 2.5 s: " + page.evaluate(
          "() => JSON.stringify({m: window.trainset.viewer.media, d: document.querySelector('video').duration, t: document.querySelector('video').currentTime})"), e);
    }
    page.waitForFunction("() => window.trainset.viewer.draw.drawn.length === 0");
    assertTransparentAt(95, 20, "track outside at frame 25");
  }
  /**
   * The viewer's stage follows its box: on a video item the box is laid out with the video
   * controls and timeline under it, and a smaller window shrinks it; each time the stage takes the
   * box's size and fits the frame again, centred inside it, and the frame is drawn there.
   */
  @Test
  void viewerStageFollowsItsBoxSize() {
    signIn();
    go("/items/" + videoItem);
    page.waitForFunction("() => window.trainset?.viewer?.media.ready || window.trainset?.viewer?.media.error", null);
    String sameSize = "() => { const b = document.querySelector('#viewer-stage'); const d = window.trainset.viewer.draw;"
        + " return d.width === Math.max(100, b.clientWidth) && d.height === Math.max(100, b.clientHeight); }";
    page.waitForFunction(sameSize);
    Map<?, ?> before = viewerMeasures();
    VideoTrackCanvasBrowserTest.assertFrameInsideBox(before);
    assertTrue(mediaBrightness() > 1, "the frame is drawn: " + before);

    page.setViewportSize(900, 600);
    page.waitForFunction(sameSize);
    page.waitForFunction("w => document.querySelector('#viewer-stage').clientWidth < w", ((Number) before.get("boxW")).intValue());
    page.waitForFunction(sameSize);
    Map<?, ?> after = viewerMeasures();
    assertTrue(((Number) after.get("boxW")).intValue() < ((Number) before.get("boxW")).intValue(), "the box shrank: " + after);
    VideoTrackCanvasBrowserTest.assertFrameInsideBox(after);
    assertEquals(((Number) after.get("boxW")).intValue(), ((Number) after.get("canvasCssW")).intValue(), "the canvas took the box's width: " + after);
    assertTrue(mediaBrightness() > 1, "the frame is drawn after the resize: " + after);
    screenshot("viewer-video-after-resize");
  }

  Map<?, ?> viewerMeasures() {
    return (Map<?, ?>) page.evaluate("""
        () => {
          const box = document.querySelector('#viewer-stage'), v = window.trainset.viewer;
          const video = document.querySelector('video');
          const [x0, y0] = v.toScreen(0, 0), [x1, y1] = v.toScreen(video.videoWidth, video.videoHeight);
          const canvas = box.querySelector('canvas');
          return { boxW: box.clientWidth, boxH: box.clientHeight, x0, y0, x1, y1, canvasCssW: canvas.clientWidth };
        }""");
  }
}
