package org.trainset.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.Locator;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.trainset.server.auth.Role;

/**
 * The dedup page in headless Chromium against a real server: a dedup job over three grey images
 * (a photo-like pattern, its half-size JPEG re-encode, and an unrelated pattern) is assigned to an
 * annotator, who opens it from My jobs, sees one cluster with both copies' thumbnails (loaded from
 * the media route) and their distances, drops the near copy by click and keeps the cluster's first
 * image with the keyboard, saves, reloads and sees the copy struck through (canvas pixels, not only the DOM);
 * the project's export then leaves the dropped item out.
 */
class DedupBrowserTest extends BrowserTestBase {
  static final String ANNOTATOR = "mina", ANNOTATOR_PASSWORD = "annotator password 2";
  static final int DROP_R = 208, DROP_G = 2, DROP_B = 27, KEEP_R = 31, KEEP_G = 157, KEEP_B = 85;
  WebTestServer.Client admin;
  String projectId, jobId;

  @Override void importData(WebTestServer.Client admin, Path tmp) throws Exception {
    this.admin = admin;
    server.addUser(ANNOTATOR, ANNOTATOR_PASSWORD, Role.ANNOTATOR, "lab");
    projectId = admin.createProjectWithData("shots", null, null, dataset(tmp.resolve("shots")));
    ObjectNode kind = WebTestServer.JSON.createObjectNode().put("kind", "dedup");
    jobId = admin.send("POST", "/api/projects/" + projectId + "/jobs", kind, 201).path("jobs").get(0).path("id").asText();
    String annotatorId = null;
    for (JsonNode u : admin.get("/api/users").path("users")) if (u.path("username").asText().equals(ANNOTATOR)) annotatorId = u.path("id").asText();
    admin.send("POST", "/api/jobs/" + jobId + "/assignee", WebTestServer.JSON.createObjectNode().put("userId", annotatorId), 200);
  }

  /** COCO (Datumaro layout) with grey images only, so the page's red and green marks stand out. */
  static Path dataset(Path dir) throws Exception {
    Path images = Files.createDirectories(dir.resolve("images/default"));
    Files.createDirectories(dir.resolve("annotations"));
    BufferedImage original = pattern(7, 320, 240);
    ImageIO.write(original, "png", images.resolve("street.png").toFile());
    BufferedImage half = new BufferedImage(160, 120, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = half.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(original, 0, 0, 160, 120, null);
    g.dispose();
    ImageIO.write(half, "jpg", images.resolve("street_copy.jpg").toFile());
    ImageIO.write(pattern(99, 320, 240), "png", images.resolve("other.png").toFile());
    String json = "{\"images\": [{\"id\": 1, \"file_name\": \"street.png\", \"width\": 320, \"height\": 240},"
        + " {\"id\": 2, \"file_name\": \"street_copy.jpg\", \"width\": 160, \"height\": 120},"
        + " {\"id\": 3, \"file_name\": \"other.png\", \"width\": 320, \"height\": 240}],"
        + " \"categories\": [{\"id\": 1, \"name\": \"car\"}], \"annotations\": []}";
    Files.writeString(dir.resolve("annotations/instances_default.json"), json);
    return dir;
  }

  /** Large grey blocks with a soft gradient: structure a perceptual hash sees, different per seed. */
  static BufferedImage pattern(long seed, int w, int h) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    Random r = new Random(seed);
    for (int y = 0; y < 6; y++) {
      for (int x = 0; x < 8; x++) {
        int v = 30 + r.nextInt(200);
        g.setColor(new Color(v, v, v));
        g.fillRect(x * w / 8, y * h / 6, w / 8 + 1, h / 6 + 1);
      }
    }
    g.dispose();
    return img;
  }

  /** The id of the item whose name is {@code name} (with or without the file extension). */
  String itemNamed(String name) throws Exception {
    for (JsonNode it : admin.get("/api/projects/" + projectId + "/items?limit=100").path("items")) {
      String n = it.path("name").asText();
      if (n.equals(name) || n.replaceFirst("\\.[a-z]+$", "").equals(name)) return it.path("id").asText();
    }
    throw new AssertionError("no item named " + name);
  }

  long exportedItems() throws Exception {
    ObjectNode body = WebTestServer.JSON.createObjectNode().put("format", "trainset");
    String op = admin.send("POST", "/api/projects/" + projectId + "/exports", body, 202).path("operationId").asText();
    return admin.awaitDone(op, java.time.Duration.ofMinutes(2)).path("result").path("items").asLong();
  }

  long colourPixels(String itemId, int r, int g, int b) {
    return ((Number) page.evaluate(PixelScripts.COUNT_COLOUR,
        Map.of("selector", ".dedup-member[data-item-id='" + itemId + "'] canvas", "r", r, "g", g, "b", b))).longValue();
  }

  /** Waits until the member's thumbnail has been drawn with the given decision. */
  void awaitDrawn(String itemId, String state) {
    page.waitForFunction("([id, s]) => document.querySelector(`.dedup-member[data-item-id='${id}'] canvas`)?.dataset.drawn === s",
        java.util.List.of(itemId, state));
  }

  @Test
  void annotatorDropsTheCopySavesAndSeesItAfterReloadAndTheExportOmitsIt() throws Exception {
    // the cluster's first member (kept by default) and the near copy, whichever of the two files each is
    JsonNode apiMembers = admin.get("/api/jobs/" + jobId).path("clusters").get(0).path("members");
    String original = apiMembers.get(0).path("itemId").asText(), copy = apiMembers.get(1).path("itemId").asText();
    assertEquals(java.util.Set.of(itemNamed("street"), itemNamed("street_copy")), java.util.Set.of(original, copy));
    assertEquals("near", apiMembers.get(1).path("rule").asText());
    assertEquals(3, exportedItems(), "nothing dropped yet");

    page.navigate(server.baseUrl + "/");
    page.waitForURL("**/login?next=*");
    page.locator("#login-username").pressSequentially(ANNOTATOR);
    page.locator("#login-password").pressSequentially(ANNOTATOR_PASSWORD);
    page.locator("#login-submit").click();
    page.waitForURL("**/projects");
    page.locator("#nav-my-jobs").click();
    page.locator("#my-jobs tbody tr[data-job-id='" + jobId + "'] button.open-dedup").click();
    page.waitForURL("**/jobs/" + jobId + "/dedup");

    Locator clusters = page.locator(".dedup-cluster");
    clusters.first().waitFor();
    assertEquals(1, clusters.count(), "the copy clusters with its original; the other image stays alone");
    Locator members = clusters.first().locator(".dedup-member");
    assertEquals(2, members.count());
    Locator copyCard = page.locator(".dedup-member[data-item-id='" + copy + "']");
    Locator originalCard = page.locator(".dedup-member[data-item-id='" + original + "']");
    assertTrue(copyCard.textContent().contains("street") && copyCard.textContent().contains("near copy"), copyCard.textContent());
    assertTrue(originalCard.textContent().contains("first image"), originalCard.textContent());
    assertEquals(apiMembers.get(1).path("phashDistance").asInt() + "", copyCard.locator(".dedup-distances").textContent().replaceAll("pHash distance (\\d+) .*", "$1"));
    assertTrue(copyCard.locator(".dedup-distances").textContent().matches("pHash distance \\d+ · dHash distance \\d+"),
        copyCard.locator(".dedup-distances").textContent());
    awaitDrawn(copy, "undecided");
    awaitDrawn(original, "undecided");
    // the thumbnail is the image itself (grey blocks from the media route), with no decision marks yet
    assertTrue((Boolean) page.evaluate("id => { const c = document.querySelector(`.dedup-member[data-item-id='${id}'] canvas`);"
        + " const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; const seen = new Set();"
        + " for (let i = 0; i < d.length; i += 4) seen.add(d[i]); return seen.size > 5; }", copy), "image drawn");
    assertEquals(0, colourPixels(copy, DROP_R, DROP_G, DROP_B));

    // drop the copy by click; keep the original with the keyboard
    copyCard.locator("button.dedup-drop").click();
    originalCard.focus();
    page.keyboard().press("k");
    awaitDrawn(copy, "drop");
    awaitDrawn(original, "keep");
    assertTrue(colourPixels(copy, DROP_R, DROP_G, DROP_B) > 500, "the copy is struck through in red");
    assertTrue(colourPixels(original, KEEP_R, KEEP_G, KEEP_B) > 500, "the original is framed in green");
    assertEquals("Save 2 decisions", page.locator("#dedup-save").textContent());
    page.locator("#dedup-save").click();
    page.waitForFunction("() => document.querySelector('#dedup-status').textContent.includes('2 decisions saved')");

    page.reload();
    page.locator(".dedup-member[data-item-id='" + copy + "']").waitFor();
    awaitDrawn(copy, "drop");
    awaitDrawn(original, "keep");
    assertEquals("drop", copyCard.getAttribute("data-keep"));
    assertTrue(copyCard.locator(".dedup-decision").isVisible() && copyCard.locator(".dedup-decision").textContent().equals("dropped"));
    assertTrue(colourPixels(copy, DROP_R, DROP_G, DROP_B) > 500, "still struck through after a reload");
    assertEquals(0, colourPixels(original, DROP_R, DROP_G, DROP_B), "the kept original has no red cross");
    assertTrue(page.locator("#dedup-save").isDisabled(), "nothing left to save");
    screenshot("dedup-after-reload");

    for (JsonNode m : admin.get("/api/jobs/" + jobId).path("clusters").get(0).path("members")) {
      assertEquals(m.path("itemId").asText().equals(original), m.path("keep").asBoolean(), m.toString());
    }
    assertEquals(2, exportedItems(), "the export leaves the dropped copy out");

    page.locator("#language-switch").selectOption("ko");
    page.waitForFunction("() => document.querySelector('h1')?.textContent.startsWith('중복 이미지')");
    assertEquals("제외함", page.locator(".dedup-member[data-item-id='" + copy + "'] .dedup-decision").textContent());
  }
}
