package org.trainset.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.trainset.server.auth.Role;

/**
 * The gated flow in real headless Chromium: a data user fills the dataset's request form and
 * attaches a PDF; the manager asks for more in the reviewers' queue; the applicant answers; the
 * manager approves with an expiry; the applicant sees it approved and downloads a file; revoked,
 * the download is refused at once.
 */
class AccessBrowserTest extends BrowserTestBase {
  static final String DATASET = "street-scenes", APPLICANT = "dana", APPLICANT_PASSWORD = "dana password 1";
  WebTestServer.Client admin;
  Path pdf;

  @Override void importData(WebTestServer.Client admin, Path tmp) throws Exception {
    this.admin = admin;
    String project = admin.createProjectWithData("street scenes", null, null, WebSample.write(tmp));
    ObjectNode release = WebTestServer.JSON.createObjectNode().put("dataset", DATASET).put("version", "1.0.0");
    release.putObject("sample").put("size", 2);
    admin.send("POST", "/api/projects/" + project + "/releases", release, 201);
    ObjectNode access = WebTestServer.JSON.createObjectNode().put("mode", "gated");
    ObjectNode form = access.putObject("form").put("documentRequired", true);
    form.putArray("fields").addObject().put("name", "institution").put("label", "Institution").put("type", "text").put("required", true);
    admin.send("PUT", "/api/datasets/" + DATASET + "/access", access, 200);
    server.addUser(APPLICANT, APPLICANT_PASSWORD, Role.DATAUSER, "uni");
    pdf = tmp.resolve("irb-approval.pdf");
    Files.writeString(pdf, "%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n", StandardCharsets.US_ASCII);
  }

  String file() {
    return server.baseUrl + "/api/datasets/" + DATASET + "/versions/1.0.0/files/SHA256SUMS";
  }

  @Test
  void requestWithPdfNeedsInfoApprovalDownloadRevocation() throws Exception {
    signIn(APPLICANT, APPLICANT_PASSWORD);
    assertEquals(403, page.request().get(file()).status(), "gated: no grant yet");
    page.navigate(server.baseUrl + "/datasets/" + DATASET); // the catalog's page links to the form
    page.locator("#request-access").click();
    page.waitForURL("**/datasets/" + DATASET + "/request-access");
    page.locator("#access-purpose").pressSequentially("train a pedestrian detector");
    // the server names the missing field
    page.locator("#access-document").setInputFiles(pdf);
    page.locator("#access-submit").click();
    page.locator("#access-status .error:has-text('answers.institution')").waitFor();
    page.locator("#field-institution").pressSequentially("Uni of Seoul");
    page.locator("#access-submit").click();
    page.waitForURL("**/access/requests");
    page.locator("#my-requests tr[data-state=submitted]").waitFor();
    JsonNode queued = admin.get("/api/access-requests?as=reviewer").path("requests");
    assertEquals(1, queued.size());
    String id = queued.get(0).path("id").asText();
    assertEquals("irb-approval.pdf", queued.get(0).path("documents").get(0).path("fileName").asText());

    // the manager asks for more in the queue
    context.clearCookies();
    signIn(USER, PASSWORD);
    page.navigate(server.baseUrl + "/access/review");
    page.locator(".access-card[data-request='" + id + "'] .access-document-link").waitFor();
    page.locator(".access-card .access-message").pressSequentially("Please add the signed page.");
    page.locator(".access-card .access-needs-info").click();
    page.locator(".access-card[data-state=needs-info]").waitFor();
    screenshot("access-review-queue");

    // the applicant sees the question and answers
    context.clearCookies();
    signIn(APPLICANT, APPLICANT_PASSWORD);
    page.navigate(server.baseUrl + "/access/requests");
    page.locator("#my-requests tr[data-state=needs-info]:has-text('Please add the signed page.')").waitFor();
    page.locator(".access-reply-text").pressSequentially("Signed page attached to the notice.");
    page.locator(".access-reply-send").click();
    page.locator("#my-requests tr[data-state=submitted]").waitFor();

    // approved with an expiry
    context.clearCookies();
    signIn(USER, PASSWORD);
    page.navigate(server.baseUrl + "/access/review");
    page.locator(".access-card .access-expires").fill("2099-12-31");
    page.locator(".access-card .access-approve").click();
    page.locator("#access-queue-total:has-text('0 requests')").waitFor();

    context.clearCookies();
    signIn(APPLICANT, APPLICANT_PASSWORD);
    page.navigate(server.baseUrl + "/access/requests");
    page.locator("#my-requests tr[data-state=approved]").waitFor();
    String colour = (String) page.evaluate("() => getComputedStyle(document.querySelector('#my-requests .access-state-approved')).color");
    assertEquals("rgb(26, 127, 55)", colour, "approved shows green");
    page.locator("#my-grants").waitFor();
    screenshot("access-my-requests");
    var download = page.request().get(file());
    assertEquals(200, download.status());
    assertTrue(download.headers().get("content-disposition").startsWith("attachment"));

    // revoked: the next request is refused
    String grant = admin.get("/api/access-requests/" + id).path("grant").path("id").asText();
    admin.send("DELETE", "/api/grants/" + grant + "?reason=withdrawn", null, 200);
    assertEquals(403, page.request().get(file()).status());
    page.reload();
    page.locator("#my-requests tr[data-state=revoked]:has-text('withdrawn')").waitFor();
  }
}
