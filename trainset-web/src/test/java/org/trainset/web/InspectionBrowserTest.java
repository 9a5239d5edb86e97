package org.trainset.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trainset.core.FormatRegistry;
import org.trainset.core.convert.LossReport;
import org.trainset.core.model.DatasetSchema;
import org.trainset.core.model.Item;
import org.trainset.core.model.LabelDef;
import org.trainset.core.spi.ItemSink;
import org.trainset.core.spi.WriteOptions;
import org.trainset.server.auth.Role;

/**
 * The review stages' ISO 2859-1 inspection on the project's quality page, in headless Chromium.
 * Lots of 3 items (code letter A; at AQL 2.5 every plan inspects the whole lot with Ac 0, Re 1)
 * are submitted through the jobs API by an annotator and reviewed over HTTP by a reviewer, one
 * reject per lot: two lots not accepted turn the stage tightened (orange badge, read as text and
 * as pixels), five more discontinue it (red badge) and hold the next lot. A reviewer sees no
 * resume button; the manager does, cancels the confirmation once (nothing changes), then
 * confirms, and the badge turns tightened again with the held lot released into the queue.
 */
class InspectionBrowserTest extends BrowserTestBase {
  static final String PASSWORDS = "inspection password 1";
  static final int LOT = 3, LOTS = 8;
  static final String WORKFLOW = "stages:\n  - {name: audit, who: [reviewer], sampling: {aql: 2.5}}\n"
      // rejects lower the annotator's quality index; keep her off 100 % inspection
      + "quality: {threshold: 1, min-items: 100000}\n";
  /** The badge colours of styles.css (.iso-tightened, .iso-discontinued). */
  static final int[] ORANGE = {0xe6, 0x51, 0x00}, RED = {0xb7, 0x1c, 0x1c};

  String project;
  List<String> jobs = new ArrayList<>();
  WebTestServer.Client manager, annotator, reviewer;
  int submitted;

  @Override void importData(WebTestServer.Client admin, Path tmp) throws Exception {
    String annotatorId = server.platform().users().add("ian", PASSWORDS, Role.ANNOTATOR, "lab").id();
    server.platform().users().add("rita", PASSWORDS, Role.REVIEWER, "lab");
    project = admin.createProjectWithData("lots", null, null, emptyItems(tmp.resolve("lots"), LOT * LOTS));
    admin.send("PUT", "/api/projects/" + project + "/workflow", json(Map.of("yaml", WORKFLOW)), 200);
    manager = server.login(USER, PASSWORD);
    annotator = server.login("ian", PASSWORDS);
    reviewer = server.login("rita", PASSWORDS);
    for (JsonNode j : manager.send("POST", "/api/projects/" + project + "/jobs", json(Map.of("size", LOT)), 201).path("jobs")) {
      jobs.add(j.path("id").asText());
      manager.send("POST", "/api/jobs/" + j.path("id").asText() + "/assignee", json(Map.of("userId", annotatorId)), 200);
    }
    assertEquals(LOTS, jobs.size());
    // two lots with a reject each: 2 of the last 5 lots not accepted, normal → tightened
    for (int i = 0; i < 2; i++) reviewLot(1);
  }

  /** Items without media in trainset's native format (the review flow needs only their ids). */
  static Path emptyItems(Path dir, int n) throws Exception {
    DatasetSchema schema = new DatasetSchema("lots", Map.of(), List.of(LabelDef.named("object")), List.of("train"));
    Path out = dir.resolve("dataset");
    try (ItemSink sink = FormatRegistry.load().require("trainset").writer().orElseThrow()
        .open(out, schema, new WriteOptions(dir, true), LossReport.strict())) {
      for (int i = 0; i < n; i++) sink.accept(new Item(String.format("item-%02d", i), "train", List.of(), Map.of(), List.of()));
      sink.commit();
    }
    return out;
  }

  static JsonNode json(Object o) {
    return WebTestServer.JSON.valueToTree(o);
  }

  /** The annotator submits the next job (one lot) with the expected status. */
  void submitLot(int status) throws Exception {
    annotator.send("POST", "/api/jobs/" + jobs.get(submitted++) + "/submit", json(Map.of()), status);
  }

  List<String> queued() throws Exception {
    List<String> ids = new ArrayList<>();
    for (JsonNode q : reviewer.get("/api/me/reviews?limit=1000").path("items")) {
      if (q.path("projectId").asText().equals(project)) ids.add(q.path("itemId").asText());
    }
    return ids;
  }

  /** Submits a lot and reviews the items the stage drew, rejecting the first {@code rejects}. */
  void reviewLot(int rejects) throws Exception {
    submitLot(200);
    List<String> ids = queued();
    assertEquals(LOT, ids.size(), "letter A at AQL 2.5 inspects the whole lot of " + LOT);
    for (int i = 0; i < ids.size(); i++) {
      Map<String, String> verdict = i < rejects ? Map.of("verdict", "reject", "stage", "audit", "comment", "box missing")
          : Map.of("verdict", "accept", "stage", "audit");
      reviewer.send("POST", "/api/items/" + ids.get(i) + "/review", json(verdict), 200);
    }
  }

  JsonNode stage() throws Exception {
    return manager.get("/api/projects/" + project + "/review-stages").path("stages").get(0);
  }

  Locator card() {
    return page.locator(".iso-stage[data-stage=audit]");
  }

  void openQuality(String user, String password) {
    signIn(user, password);
    go("/projects/" + project + "/quality");
    card().waitFor();
    card().scrollIntoViewIfNeeded();
  }

  /** Share of the badge's pixels (an element screenshot) within 40 of {@code rgb} in every channel. */
  double badgeShare(int[] rgb) throws Exception {
    return PixelScripts.share(card().locator(".iso-mode").screenshot(), rgb, 40);
  }

  String counter(String id) {
    return card().locator("[data-counter=" + id + "] dd").textContent();
  }

  @Test void tightenedThenDiscontinuedStageIsShownAndResumedByTheManager() throws Exception {
    JsonNode api = stage();
    assertEquals("tightened", api.path("inspection").path("mode").asText(), api.toString());
    JsonNode lastLot = api.path("lots").get(0);
    openQuality(USER, PASSWORD);
    screenshot("inspection-tightened");
    assertEquals("Tightened", card().locator(".iso-mode").textContent());
    assertEquals("tightened", card().getAttribute("data-mode"));
    double orange = badgeShare(ORANGE);
    assertTrue(orange > 0.5, "the tightened badge is orange: " + orange);
    assertTrue(badgeShare(RED) < 0.05, "and not red");
    // the plan of the last lot as the API recorded it: lot size, Table 1 letter, n, Ac, Re
    assertEquals("A", lastLot.path("codeLetter").asText());
    String plan = card().locator(".iso-plan").textContent();
    String expected = "Last lot drawn: 3 items, code letter A, sample n " + lastLot.path("sampleSize").asInt() + ", Ac "
        + lastLot.path("accept").asInt() + ", Re " + lastLot.path("reject").asInt() + " (Normal)";
    assertEquals(expected, plan);
    assertEquals("2", counter("notAccepted"));
    assertEquals("0", counter("accepted"));
    assertEquals(List.of("notAccepted", "notAccepted"), card().locator("tbody tr").all().stream()
        .map(r -> r.getAttribute("data-decision")).toList());
    assertEquals(0, card().locator(".iso-resume").count(), "nothing to resume on tightened");
    // Korean: the same badge in the KS Q ISO 2859-1 term
    page.locator("#language-switch").selectOption("ko");
    card().locator(".iso-mode", new Locator.LocatorOptions().setHasText("까다로운 검사")).waitFor();
    assertTrue(card().locator(".iso-plan").textContent().startsWith("최근 로트: 3개, 시료 문자 A"), card().locator(".iso-plan").textContent());
    page.locator("#language-switch").selectOption("en");
    card().locator(".iso-mode", new Locator.LocatorOptions().setHasText("Tightened")).waitFor();

    // five lots not accepted on tightened discontinue inspection; the next submission is held (409)
    for (int i = 0; i < 5; i++) reviewLot(1);
    submitLot(409);
    assertEquals("discontinued", stage().path("inspection").path("mode").asText());
    assertTrue(queued().isEmpty(), "no lot is sampled while discontinued");

    // a reviewer sees the red badge but no resume button (the route allows admin and manager)
    context.clearCookies();
    openQuality("rita", PASSWORDS);
    assertEquals("Discontinued", card().locator(".iso-mode").textContent());
    assertTrue(badgeShare(RED) > 0.5, "the discontinued badge is red");
    assertEquals("1", counter("held"));
    assertEquals("5 / 5", counter("onTightened"));
    assertEquals("held", card().locator("tbody tr").first().getAttribute("data-decision"));
    assertEquals(0, card().locator(".iso-resume").count(), "reviewers may not resume");

    // the manager resumes after confirming; a cancelled confirmation changes nothing
    context.clearCookies();
    openQuality(USER, PASSWORD);
    screenshot("inspection-discontinued");
    card().locator(".iso-resume").click();
    page.locator("#resume-dialog").waitFor();
    assertTrue(page.locator("#resume-dialog").textContent().contains("1 lot(s) held"), page.locator("#resume-dialog").textContent());
    page.locator("#resume-cancel").click();
    assertEquals(0, page.locator("#resume-dialog").count());
    assertEquals("discontinued", stage().path("inspection").path("mode").asText(), "cancel resumes nothing");
    card().locator(".iso-resume").click();
    page.locator("#resume-confirm").click();
    card().locator(".iso-mode", new Locator.LocatorOptions().setHasText("Tightened")).waitFor();
    assertEquals("tightened", card().getAttribute("data-mode"));
    assertTrue(badgeShare(ORANGE) > 0.5, "orange again after resuming");
    assertEquals(0, card().locator(".iso-resume").count());
    assertEquals("Stage audit resumed on tightened inspection; 1 held lot(s) released for review.",
        page.locator("#inspection-status").textContent());
    // the resumption and the released lot, drawn again on tightened, head the list
    assertEquals(java.util.Set.of("resume", "pending"), card().locator("tbody tr").all().subList(0, 2).stream()
        .map(r -> r.getAttribute("data-decision")).collect(java.util.stream.Collectors.toSet()));
    JsonNode after = stage().path("inspection");
    assertEquals("tightened", after.path("mode").asText());
    assertEquals(0, after.path("lotsHeld").asInt());
    assertEquals(LOT, queued().size(), "the held lot entered review");
    screenshot("inspection-resumed");
  }
}
