package org.trainset.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.BoundingBox;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.trainset.core.sample.SampleOptions;

/**
 * The editor's Documents panel in headless Chromium: a mammogram opened in the editor shows its
 * patient's radiology and pathology reports beside the canvas (text as sent, line breaks and
 * column alignment kept), a scanned PDF report as a download link only, and no panel at all for
 * a fundus photograph without documents.
 */
class DocumentsPanelBrowserTest extends BrowserTestBase {
  String mammogram;
  String fundus;
  String radiology;

  @Override void importData(WebTestServer.Client admin, Path tmp) throws Exception {
    Path medical = tmp.resolve("medical");
    MediaViewerBrowserTest.generator("aihub.medical").generate(medical, new SampleOptions(10, 7, false));
    String pid = Files.readAllLines(medical.resolve("mammography/cases.csv")).get(1).split(",")[0];
    Path reports = medical.resolve("mammography/" + pid + "/reports");
    radiology = Files.readString(reports.resolve("radiology_report.txt"));
    Files.write(reports.resolve("referral_scan.pdf"), "%PDF-1.4\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    String project = admin.createProjectWithData("mammography reports", "aihub.medical", null, medical);
    for (JsonNode item : admin.get("/api/projects/" + project + "/items?limit=50").path("items")) {
      String name = item.path("name").asText();
      if (name.endsWith(pid + "_RCC")) mammogram = item.path("id").asText();
      if (name.startsWith("fundus/") && fundus == null) fundus = item.path("id").asText();
    }
  }

  void openEditor(String itemId) {
    signIn();
    go("/items/" + itemId + "/edit");
    page.locator("#save-state").waitFor();
  }

  @Test
  void theReportsAreShownBesideTheMammogram() throws Exception {
    openEditor(mammogram);
    Locator panel = page.locator("#panel-documents");
    panel.waitFor();
    assertTrue(panel.textContent().contains("Documents"), panel.textContent());
    // documents come in name order: pathology, radiology, the scan
    Locator text = page.locator("#document-text-1");
    page.waitForFunction("() => document.querySelector('#document-text-1').textContent.includes('BI-RADS')");
    assertEquals(radiology, text.textContent());
    // what a person sees: innerText of the <pre> keeps the line breaks and the aligned columns
    String seen = text.innerText();
    assertTrue(seen.contains("Impression: BI-RADS category 5\n"), seen);
    assertTrue(seen.contains("Patient:    MG"), seen);
    assertTrue(seen.contains("영상 판독 보고서"), seen);
    assertTrue(page.locator("#document-text-0").innerText().contains("Invasive ductal carcinoma"));
    assertTrue(panel.textContent().contains("Radiology report"), panel.textContent());
    // the words can be selected (to copy into a finding)
    assertEquals("text", text.evaluate("e => getComputedStyle(e).userSelect"));
    assertEquals("pre", text.evaluate("e => getComputedStyle(e).whiteSpace"));
    text.selectText();
    assertTrue(((String) page.evaluate("() => String(getSelection())")).contains("Findings:"));
    // the PDF is a download only
    Locator link = page.locator("#document-download-2");
    assertEquals("referral_scan.pdf", link.getAttribute("download"));
    assertTrue(link.getAttribute("href").matches("/api/items/[^/]+/documents/2"), link.getAttribute("href"));
    assertEquals(0, page.locator("#panel-documents iframe, #panel-documents embed, #panel-documents object").count());
    // beside the canvas, and drawn: the panel's pixels hold dark text on its light report box
    BoundingBox stage = page.locator("#editor-stage").boundingBox();
    BoundingBox box = panel.boundingBox();
    assertTrue(box.x >= stage.x + stage.width - 1, "panel at x " + box.x + ", stage ends at " + (stage.x + stage.width));
    assertTrue(box.width > 150 && box.height > 100, box.width + "x" + box.height);
    screenshot("documents-panel");
    BufferedImage shot = ImageIO.read(new ByteArrayInputStream(text.screenshot()));
    int ink = 0;
    int background = shot.getRGB(2, 2);
    for (int y = 0; y < shot.getHeight(); y++) {
      for (int x = 0; x < shot.getWidth(); x++) {
        if (Math.abs(luma(shot.getRGB(x, y)) - luma(background)) > 80) ink++;
      }
    }
    double share = ink / (double) (shot.getWidth() * shot.getHeight());
    assertTrue(share > 0.01 && share < 0.5, "text pixels in the report box: " + share);
  }

  @Test
  void noPanelForAnItemWithoutDocuments() {
    openEditor(fundus);
    page.waitForFunction("() => window.trainset.editor.media.ready");
    assertEquals(0, page.locator("#panel-documents").count());
  }

  private static double luma(int rgb) {
    return 0.299 * ((rgb >> 16) & 255) + 0.587 * ((rgb >> 8) & 255) + 0.114 * (rgb & 255);
  }
}
