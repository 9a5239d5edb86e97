package org.trainset.server.routes;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import org.trainset.core.io.HtmlText;
import org.trainset.server.ApiException;
import org.trainset.server.Platform;
import org.trainset.server.http.RouteTable;

/**
 * The catalog as server-rendered HTML for search engines and browsers without JavaScript:
 * {@code /catalog} (search form and results) and {@code /catalog/{name}} (the dataset card).
 * Every value from the database is escaped; charts are plain HTML bars. The JSON comes from the
 * same {@code Catalog} service as {@code /api/catalog}.
 */
public final class CatalogPages {
  private static final String STYLE = "body{font-family:system-ui,sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem;"
      + "color:#1d2430}a{color:#1f5fbf}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;"
      + "padding:.3rem .5rem;text-align:left}.bar{background:#4f7fd9;height:.8rem}.tag{display:inline-block;"
      + "background:#eef2f8;border-radius:.3rem;padding:0 .4rem;margin-right:.3rem}form label{margin-right:.6rem}"
      + "li.dataset{margin:.8rem 0}pre{background:#f4f6f9;padding:.6rem;white-space:pre-wrap}";

  private final Platform platform;

  public CatalogPages(Platform platform) {
    this.platform = platform;
  }

  public void register(RouteTable t) {
    t.get("/catalog", RouteTable.PUBLIC, this::list);
    t.get("/catalog/{name}", RouteTable.PUBLIC, this::dataset);
  }

  private void list(Context ctx) {
    JsonNode result = platform.catalog().searchJson(CatalogRoutes.query(ctx));
    StringBuilder b = new StringBuilder();
    b.append("<h1>Dataset catalog</h1>\n<form method=\"get\" action=\"/catalog\">");
    b.append("<label>Search <input type=\"search\" name=\"q\" value=\"").append(esc(ctx.queryParam("q"))).append("\"></label>");
    for (String facet : new String[] {"family", "task", "licence", "access"}) {
      b.append("<label>").append(facet).append(" <select name=\"").append(facet).append("\"><option value=\"\">any</option>");
      for (JsonNode v : result.path("facets").path(facet)) {
        boolean sel = v.asText().equals(ctx.queryParam(facet));
        b.append("<option").append(sel ? " selected" : "").append(" value=\"").append(esc(v.asText())).append("\">")
            .append(esc(v.asText())).append("</option>");
      }
      b.append("</select></label>");
    }
    b.append("<button type=\"submit\">Search</button></form>\n");
    JsonNode datasets = result.path("datasets");
    b.append("<p>").append(datasets.size()).append(datasets.size() == 1 ? " dataset" : " datasets").append("</p>\n<ul>");
    for (JsonNode d : datasets) {
      b.append("<li class=\"dataset\"><a href=\"/catalog/").append(esc(url(d.get("name").asText()))).append("\">")
          .append(esc(d.get("title").asText())).append("</a> <span class=\"tag\">v").append(esc(d.get("latestVersion").asText()))
          .append("</span><span class=\"tag\">").append(esc(d.get("family").asText())).append("</span><span class=\"tag\">")
          .append(esc(d.get("accessMode").asText())).append("</span><br>").append(esc(d.get("description").asText()))
          .append("<br><small>").append(d.get("items").asLong()).append(" items · ").append(d.get("annotations").asLong())
          .append(" annotations · licence ").append(esc(d.get("licence").asText())).append("</small></li>\n");
    }
    b.append("</ul>");
    html(ctx, 200, "Dataset catalog", "Datasets published with trainset", b.toString());
  }

  private void dataset(Context ctx) {
    String name = ctx.pathParam("name");
    JsonNode d;
    try {
      d = platform.catalog().cardJson(name);
    } catch (ApiException e) {
      if (e.status() != 404) throw e;
      html(ctx, 404, "Not found", "No such dataset", "<h1>No dataset " + esc(name) + "</h1><p><a href=\"/catalog\">Catalog</a></p>");
      return;
    }
    JsonNode card = d.path("card");
    StringBuilder b = new StringBuilder();
    b.append("<p><a href=\"/catalog\">Catalog</a></p><article class=\"dataset-card\">\n<h1>").append(esc(d.get("title").asText()))
        .append("</h1>\n<p><span class=\"tag\">").append(esc(d.get("name").asText())).append(" v")
        .append(esc(d.get("latestVersion").asText())).append("</span><span class=\"tag\">").append(esc(d.get("family").asText()))
        .append("</span><span class=\"tag\">access: ").append(esc(d.get("accessMode").asText())).append("</span>");
    for (JsonNode t : d.path("tasks")) b.append("<span class=\"tag\">").append(esc(t.asText())).append("</span>");
    b.append("</p>\n<p class=\"description\">").append(esc(d.get("description").asText())).append("</p>\n");
    b.append("<p>Published by ").append(esc(d.path("organisation").asText())).append(" · licence <strong>")
        .append(esc(d.get("licence").asText())).append("</strong></p>\n");
    b.append("<h2>How it was built</h2><ol>");
    for (JsonNode s : card.path("construction")) {
      b.append("<li><strong>").append(esc(s.path("stage").asText())).append("</strong>: ").append(esc(s.path("text").asText())).append("</li>");
    }
    b.append("</ol>\n<h2>Statistics</h2><p>").append(card.path("statistics").path("items").asLong()).append(" items, ")
        .append(card.path("statistics").path("annotations").asLong()).append(" annotations</p>");
    bars(b, "Annotations by label", card.path("statistics").path("byLabel"));
    bars(b, "Items by subset", card.path("statistics").path("bySubset"));
    b.append("<h2>Quality</h2><table><tr><th>metric</th><th>goal</th><th>achieved</th><th>met</th></tr>");
    for (JsonNode q : card.path("quality").path("targets")) {
      b.append("<tr><td>").append(esc(q.path("metric").asText())).append(" <small>").append(esc(q.path("description").asText()))
          .append("</small></td><td>").append(esc(q.path("compare").asText())).append(' ').append(q.path("goal").asDouble())
          .append("</td><td>").append(q.path("achieved").isNull() ? "not reported" : esc(q.path("achieved").asText()))
          .append("</td><td>").append(q.path("met").isNull() ? "–" : q.path("met").asBoolean() ? "yes" : "no").append("</td></tr>");
    }
    b.append("</table>\n<h2>Sample</h2><p>").append(card.path("sample").path("items").asLong())
        .append(" items anyone may view (stratified; largest label-share difference ")
        .append(card.path("sample").path("maxLabelShareDeviation").asDouble()).append(").</p>");
    b.append("<h2>Citation</h2><pre class=\"citation\">").append(esc(d.path("citation").asText())).append("</pre>\n");
    b.append("<h2>Versions</h2><table><tr><th>version</th><th>items</th><th>annotations</th><th>bytes</th><th>files</th></tr>");
    for (JsonNode v : d.path("versions")) {
      String base = "/api/datasets/" + url(name) + "/versions/" + url(v.get("version").asText());
      b.append("<tr><td>").append(esc(v.get("version").asText())).append("</td><td>").append(v.get("items").asLong())
          .append("</td><td>").append(v.get("annotations").asLong()).append("</td><td>").append(v.get("bytes").asLong())
          .append("</td><td><a href=\"").append(esc(base)).append("/files\">files</a></td></tr>");
    }
    b.append("</table></article>");
    html(ctx, 200, d.get("title").asText(), d.get("description").asText(), b.toString());
  }

  /** A bar chart in plain HTML: one row per key, widths relative to the largest value. */
  private static void bars(StringBuilder b, String title, JsonNode counts) {
    if (!counts.isObject() || counts.isEmpty()) return;
    long max = 1;
    for (JsonNode v : counts) max = Math.max(max, v.asLong());
    b.append("<h3>").append(esc(title)).append("</h3><table class=\"chart\">");
    for (Iterator<Map.Entry<String, JsonNode>> it = counts.fields(); it.hasNext(); ) {
      var e = it.next();
      long pct = Math.round(100.0 * e.getValue().asLong() / max);
      b.append("<tr><td>").append(esc(e.getKey())).append("</td><td>").append(e.getValue().asLong())
          .append("</td><td style=\"width:60%\"><div class=\"bar\" style=\"width:").append(pct).append("%\"></div></td></tr>");
    }
    b.append("</table>");
  }

  private static void html(Context ctx, int status, String title, String description, String body) {
    String page = "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>" + esc(title) + " · trainset</title><meta name=\"description\" content=\"" + esc(description) + "\">"
        + "<style>" + STYLE + "</style></head><body>\n" + body + "\n</body></html>\n";
    ctx.status(status).contentType("text/html; charset=utf-8").header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'")
        .result(page.getBytes(StandardCharsets.UTF_8));
  }

  private static String esc(String s) {
    return s == null ? "" : HtmlText.escape(s);
  }

  private static String url(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
