package org.trainset.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trainset.web.InspectionBrowserTest.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trainset.server.auth.Role;

/**
 * A lot at an ISO 2859-1 dual-reading stage that waits for its adjudicator, on the quality page in
 * headless Chromium: a lot of 3 items (code letter A, AQL 2.5: all 3 drawn) is read by two
 * reviewers who disagree on one item. While the lot is open its row says, in amber, that it
 * awaits the adjudication of 1 item (and in Korean); once the manager adjudicates the item the
 * row says the lot was accepted. An open lot whose readings are not all in says how many items
 * are inspected.
 */
class DualReadingLotBrowserTest extends BrowserTestBase {
  static final String PASSWORDS = "dual reading password 1";
  static final int LOT = 3;
  static final String WORKFLOW = """
      stages:
        - {name: reading, kind: dual, who: [reviewer], sampling: {aql: 2.5}, dual: {disagreements: adjudicate}}
        - {name: adjudication, who: [manager], sampling: all}
      quality: {threshold: 1, min-items: 100000}
      """;
  static final int[] AMBER = {0xff, 0xb3, 0x00};

  String project;
  List<String> jobs = new ArrayList<>();
  WebTestServer.Client manager, annotator, reader1, reader2;

  @Override void importData(WebTestServer.Client admin, Path tmp) throws Exception {
    String annotatorId = server.platform().users().add("dana", PASSWORDS, Role.ANNOTATOR, "lab").id();
    server.platform().users().add("reader1", PASSWORDS, Role.REVIEWER, "lab");
    server.platform().users().add("reader2", PASSWORDS, Role.REVIEWER, "lab");
    project = admin.createProjectWithData("dual", null, null, InspectionBrowserTest.emptyItems(tmp.resolve("dual"), LOT * 2));
    admin.send("PUT", "/api/projects/" + project + "/workflow", json(Map.of("yaml", WORKFLOW)), 200);
    manager = server.login(USER, PASSWORD);
    annotator = server.login("dana", PASSWORDS);
    reader1 = server.login("reader1", PASSWORDS);
    reader2 = server.login("reader2", PASSWORDS);
    for (JsonNode j : manager.send("POST", "/api/projects/" + project + "/jobs", json(Map.of("size", LOT)), 201).path("jobs")) {
      jobs.add(j.path("id").asText());
      manager.send("POST", "/api/jobs/" + j.path("id").asText() + "/assignee", json(Map.of("userId", annotatorId)), 200);
    }
  }

  List<String> queued(WebTestServer.Client who) throws Exception {
    List<String> ids = new ArrayList<>();
    for (JsonNode q : who.get("/api/me/reviews?limit=1000").path("items")) {
      if (q.path("projectId").asText().equals(project)) ids.add(q.path("itemId").asText());
    }
    return ids;
  }

  void read(WebTestServer.Client reader, String item, String label) throws Exception {
    reader.send("POST", "/api/items/" + item + "/review", json(Map.of("verdict", "accept", "stage", "reading",
        "annotations", List.of(Map.of("type", "tag", "label", label)))), 200);
  }

  Locator row() {
    return page.locator(".iso-stage[data-stage=reading] tbody tr").first();
  }

  /** Share of the decision cell's pixels near {@code rgb} (its text, in an element screenshot). */
  double textShare(int[] rgb) throws Exception {
    return PixelScripts.share(row().locator(".iso-decision").screenshot(), rgb, 50);
  }

  void openQuality() {
    go("/projects/" + project + "/quality");
    page.locator(".iso-stage[data-stage=reading]").waitFor();
    row().scrollIntoViewIfNeeded();
  }

  @Test void aLotWaitingForItsAdjudicatorSaysSoUntilTheManagerAdjudicates() throws Exception {
    annotator.send("POST", "/api/jobs/" + jobs.get(0) + "/submit", json(Map.of()), 200);
    List<String> drawn = queued(reader1);
    assertEquals(LOT, drawn.size(), "letter A at AQL 2.5 draws the whole lot of " + LOT);

    // one item read by both readers: the lot is open, 1 of 3 inspected
    read(reader1, drawn.get(0), "mass");
    read(reader2, drawn.get(0), "mass");
    signIn();
    openQuality();
    assertEquals("Review quality", page.locator("h2").first().textContent(), "a workflow without a name: no dangling separator");
    assertEquals("pending", row().getAttribute("data-decision"));
    assertEquals("in review (1 of 3 inspected)", row().locator(".iso-decision").textContent());

    // the readers agree on one more and disagree on the last: only the adjudication is missing
    read(reader1, drawn.get(1), "mass");
    read(reader2, drawn.get(1), "mass");
    read(reader1, drawn.get(2), "mass");
    read(reader2, drawn.get(2), "calc");
    JsonNode lot = manager.get("/api/projects/" + project + "/review-stages").path("stages").get(0).path("lots").get(0);
    assertEquals(1, lot.path("progress").path("awaitingAdjudication").asInt(), lot.toString());
    openQuality();
    screenshot("dual-lot-awaiting-adjudication");
    assertEquals("adjudication", row().getAttribute("data-decision"));
    assertEquals("awaiting adjudication (1)", row().locator(".iso-decision").textContent());
    double amber = textShare(AMBER);
    assertTrue(amber > 0.02, "the waiting lot is marked in amber: " + amber);
    page.locator("#language-switch").selectOption("ko");
    row().locator(".iso-decision", new Locator.LocatorOptions().setHasText("판정 대기 (1건)")).waitFor();
    page.locator("#language-switch").selectOption("en");
    row().locator(".iso-decision", new Locator.LocatorOptions().setHasText("awaiting adjudication")).waitFor();

    // the manager accepts the consensus: no defect, the lot is accepted
    manager.send("POST", "/api/items/" + drawn.get(2) + "/review", json(Map.of("verdict", "accept", "stage", "adjudication")), 200);
    openQuality();
    assertEquals("accepted", row().getAttribute("data-decision"));
    assertEquals("accepted", row().locator(".iso-decision").textContent());
    assertTrue(textShare(AMBER) < 0.005, "no amber once decided");
    screenshot("dual-lot-adjudicated");
  }
}
