package org.trainset.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.server.auth.Role;

/**
 * One real server and one headless Chromium per test class; a fresh browser context (no cookies,
 * no cache) per test. Subclasses import their data through the API in {@link #importData}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTestBase {
  static final String USER = "ana", PASSWORD = "correct horse battery";

  WebTestServer server;
  Chromium chromium;
  BrowserContext context;
  Page page;

  /** Creates the class's projects as the admin; {@code tmp} is for dataset files. */
  abstract void importData(WebTestServer.Client admin, Path tmp) throws Exception;

  @BeforeAll
  void start(@TempDir Path tmp) throws Exception {
    server = new WebTestServer();
    server.addUser("root", "root password 1", Role.ADMIN, "lab");
    server.addUser(USER, PASSWORD, Role.MANAGER, "lab");
    importData(server.login("root", "root password 1"), tmp);
    chromium = new Chromium();
  }

  @AfterAll
  void stop() throws Exception {
    if (chromium != null) chromium.close();
    if (server != null) server.close();
  }

  @BeforeEach
  void newContext() {
    context = chromium.browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 860).setLocale("en-US"));
    context.setDefaultTimeout(15_000);
    page = context.newPage();
    page.onPageError(e -> { throw new AssertionError("page error: " + e); });
  }

  @AfterEach
  void closeContext() {
    context.close();
  }

  /** Signs in through the login form, typing like a user (the app sends anonymous visitors there). */
  void signIn() {
    signIn(USER, PASSWORD);
  }

  void signIn(String user, String password) {
    page.navigate(server.baseUrl + "/");
    page.waitForURL("**/login?next=*");
    page.locator("#login-username").pressSequentially(user);
    page.locator("#login-password").pressSequentially(password);
    page.locator("#login-submit").click();
    page.waitForURL("**/projects");
  }

  /** Waits until the viewer has its media and has drawn a frame. */
  void awaitViewer() {
    page.waitForFunction("() => window.trainset?.viewer?.media.ready && window.trainset.viewer.draw.draws > 0");
  }

  /** Opens an app path the way an in-app link does (History API; the page is not reloaded). */
  void go(String path) {
    page.evaluate("p => { history.pushState(null, '', p); dispatchEvent(new PopStateEvent('popstate')); }", path);
  }

  /**
   * Waits until the stage has drawn what its last change asked for: Konva redraws on the next
   * animation frame (batchDraw), and a resize clears the canvas at once, so a test that reads
   * pixels or the drawn list right after a change would otherwise race the redraw.
   */
  void settle() {
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(null))))");
  }

  @SuppressWarnings("unchecked")
  List<Number> drawnIndexes() {
    settle();
    return new ArrayList<>((List<Number>) page.evaluate("() => window.trainset.viewer.draw.drawn"));
  }

  double viewerNumber(String path) {
    return ((Number) page.evaluate("() => window.trainset.viewer." + path)).doubleValue();
  }

  /** RGBA of the annotation layer's pixel at media coordinates (x, y), the brightest in a 3×3 block. */
  @SuppressWarnings("unchecked")
  List<Number> annotationPixel(double x, double y) {
    settle();
    return (List<Number>) page.evaluate(PixelScripts.ANNOTATION_PIXEL, Map.of("x", x, "y", y));
  }

  void assertColourAt(double x, double y, int r, int g, int b, String what) {
    List<Number> px = annotationPixel(x, y);
    int pr = px.get(0).intValue(), pg = px.get(1).intValue(), pb = px.get(2).intValue(), pa = px.get(3).intValue();
    assertTrue(pa > 20 && Math.abs(pr - r) < 60 && Math.abs(pg - g) < 60 && Math.abs(pb - b) < 60,
        what + " at (" + x + "," + y + "): expected ~" + r + "," + g + "," + b + " got " + px);
  }

  void assertTransparentAt(double x, double y, String what) {
    List<Number> px = annotationPixel(x, y);
    assertEquals(0, px.get(3).intValue(), what + " at (" + x + "," + y + "): " + px);
  }

  /** Saves a PNG of the page under target/screenshots (for a person to look at). */
  void screenshot(String name) {
    try {
      Path dir = Path.of("target", "screenshots");
      Files.createDirectories(dir);
      page.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve(name + ".png")).setFullPage(false));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
