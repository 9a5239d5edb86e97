package org.trainset.refine.images;

import org.trainset.core.io.HtmlText;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.trainset.refine.Html;
import org.trainset.refine.Reports;

/** The JSON report (every cluster, every member with rule and distances) and the HTML page that shows them. */
final class ImageDedupReport {
  static final int THUMB = 200;

  private ImageDedupReport() {}

  static void writeJson(Path file, Path input, Path out, ImageDedup.Options o, ImageDedup.Outcome r) throws IOException {
    Reports.writeJson(file, g -> {
      g.writeStartObject();
      g.writeStringField("report", "trainset dedup images");
      g.writeStringField("input", input.toString());
      if (out != null) g.writeStringField("output", out.toString());
      else g.writeNullField("output"); // --report-only: nothing written
      g.writeObjectFieldStart("settings");
      g.writeNumberField("phashDistance", o.distance());
      g.writeNumberField("dhashDistance", o.dhashDistance());
      g.writeBooleanField("perLabel", o.perLabel());
      g.writeEndObject();
      g.writeObjectFieldStart("counts");
      g.writeNumberField("items", r.items());
      g.writeNumberField("images", r.images());
      g.writeNumberField("clusters", r.clusters().size());
      g.writeNumberField("removed", r.removed());
      g.writeNumberField("kept", r.items() - r.removed());
      g.writeEndObject();
      g.writeArrayFieldStart("clusters");
      for (ImageCluster c : r.clusters()) {
        g.writeStartObject();
        g.writeStringField("keep", c.members().get(0).id());
        g.writeArrayFieldStart("members");
        for (ImageCluster.Member m : c.members()) {
          g.writeStartObject();
          g.writeStringField("id", m.id());
          g.writeStringField("file", m.file());
          g.writeStringField("rule", m.rule());
          g.writeNumberField("phashDistance", m.phashDistance());
          g.writeNumberField("dhashDistance", m.dhashDistance());
          g.writeArrayFieldStart("labels");
          for (String l : m.labels()) g.writeString(l);
          g.writeEndArray();
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    });
  }

  /** A cluster's section after its heading's number. */
  private static String section(ImageCluster c) throws IOException {
    StringBuilder w = new StringBuilder();
    w.append(" · keep " + HtmlText.escape(c.members().get(0).id()) + "</h2>\n");
    for (ImageCluster.Member m : c.members()) {
      w.append("<figure class=\"" + m.rule() + "\"><img alt=\"" + HtmlText.escape(m.id()) + "\" src=\""
          + Html.thumbnail(Path.of(m.file()), THUMB) + "\"><figcaption>" + HtmlText.escape(m.id()) + "<br>" + m.rule()
          + (m.rule().equals("keep") ? "" : " · pHash " + m.phashDistance() + " · dHash " + m.dhashDistance())
          + (m.labels().isEmpty() ? "" : "<br>" + HtmlText.escape(String.join(", ", m.labels())))
          + "</figcaption></figure>\n");
    }
    return w.append("</section>\n").toString();
  }

  /** The page into {@code os} (not closed): every cluster, thumbnails side by side. */
  static void writeHtml(java.io.OutputStream os, ImageDedup.Options o, List<ImageCluster> clusters, long removed,
                        long images) throws IOException {
    Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8);
    w.write("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>trainset dedup images</title><style>"
        + Html.STYLE + "</style></head><body>\n");
    w.write("<h1>Duplicate images: " + clusters.size() + " clusters, " + removed + " removed of "
        + images + " images</h1>\n");
    w.write("<p>pHash ≤ " + o.distance() + " and dHash ≤ " + o.dhashDistance() + " bits"
        + (o.perLabel() ? ", within the same label" : "") + ". Green: kept (lowest id); red: removed.</p>\n");
    // Thumbnails are made on all cores, a batch of clusters at a time (bounded memory).
    for (int from = 0; from < clusters.size(); from += 64) {
      List<ImageCluster> batch = clusters.subList(from, Math.min(clusters.size(), from + 64));
      List<String> sections = batch.parallelStream().map(c -> {
        try {
          return section(c);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).toList();
      for (int i = 0; i < sections.size(); i++) {
        w.write("<section><h2>Cluster " + (from + i + 1) + sections.get(i));
      }
    }
    w.write("</body></html>\n");
    w.flush();
  }
}
