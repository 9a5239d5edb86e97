package org.trainset.refine.deid;

import org.trainset.core.io.HtmlText;
import com.fasterxml.jackson.core.JsonGenerator;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.trainset.core.io.AtomicOutput;
import org.trainset.refine.Html;
import org.trainset.refine.Reports;

/** The per-image log, the editable region list and the review sheet of a de-identification run. */
final class DeidReports {
  static final int THUMB = 320;

  private DeidReports() {}

  static void writeLog(Path file, Path input, Path out, ImageDeid.Options o, ImageDeid.Outcome r) throws IOException {
    Reports.writeJson(file, g -> {
      g.writeStartObject();
      g.writeStringField("report", "trainset deid images");
      g.writeStringField("input", input.toString());
      g.writeStringField("output", out.toString());
      g.writeStringField("method", o.method().name().toLowerCase(Locale.ROOT));
      g.writeArrayFieldStart("detectors");
      for (RegionDetector d : o.detectors()) g.writeString(d.name());
      g.writeEndArray();
      g.writeObjectFieldStart("counts");
      g.writeNumberField("items", r.items());
      g.writeNumberField("images", r.images());
      g.writeNumberField("changed", r.changed());
      g.writeNumberField("regions", r.regions());
      g.writeEndObject();
      g.writeArrayFieldStart("images");
      for (ImageLog e : r.log()) {
        g.writeStartObject();
        g.writeStringField("item", e.item());
        g.writeStringField("source", e.source());
        g.writeStringField("output", e.output());
        g.writeStringField("status", e.changed() ? "deidentified" : "unchanged");
        g.writeStringField("method", e.changed() ? o.method().name().toLowerCase(Locale.ROOT) : "none");
        regions(g, "regions", e.regions(), null);
        regions(g, "vetoed", e.vetoed(), null);
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    });
  }

  /** Every applied region in the region-list format, ready for people to correct and feed back with --regions. */
  static void writeRegions(Path file, ImageDeid.Outcome r) throws IOException {
    Reports.writeJson(file, g -> {
      g.writeStartObject();
      g.writeStringField("about", "Edit and pass back with --regions: add missed regions (action add), "
          + "set action to remove on false hits.");
      g.writeArrayFieldStart("regions");
      for (ImageLog e : r.log()) {
        for (Region x : e.regions()) {
          g.writeStartObject();
          g.writeStringField("item", e.item());
          fields(g, x);
          g.writeStringField("action", "add");
          g.writeEndObject();
        }
      }
      g.writeEndArray();
      g.writeEndObject();
    });
  }

  private static void regions(JsonGenerator g, String field, List<Region> list, String item) throws IOException {
    g.writeArrayFieldStart(field);
    for (Region x : list) {
      g.writeStartObject();
      fields(g, x);
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void fields(JsonGenerator g, Region x) throws IOException {
    g.writeNumberField("x", x.x());
    g.writeNumberField("y", x.y());
    g.writeNumberField("width", x.width());
    g.writeNumberField("height", x.height());
    g.writeStringField("label", x.label());
    g.writeStringField("detector", x.detector());
  }

  static void writeReview(Path file, Path out, Path regionsFile, ImageDeid.Options o, ImageDeid.Outcome r) throws IOException {
    AtomicOutput.writeFile(file, os -> {
      Writer w = new OutputStreamWriter(os, StandardCharsets.UTF_8);
      w.write("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>trainset deid review</title><style>"
          + Html.STYLE + "</style></head><body>\n");
      w.write("<h1>De-identification review: " + r.regions() + " regions in " + r.changed() + " of " + r.images()
          + " images</h1>\n<p>Method " + o.method().name().toLowerCase(Locale.ROOT) + "; detectors "
          + HtmlText.escape(String.join(", ", o.detectors().stream().map(RegionDetector::name).toList()))
          + ". Left: original with regions outlined; right: output. To correct, edit <code>"
          + HtmlText.escape(regionsFile.getFileName().toString()) + "</code> (add missed regions; set <code>\"action\": \"remove\"</code>"
          + " on false hits) and run again with <code>--regions</code>.</p>\n");
      for (ImageLog e : r.log()) {
        w.write("<section><h2>" + HtmlText.escape(e.item()) + (e.changed() ? "" : " · no region found") + "</h2>\n");
        w.write("<figure class=\"keep\"><img alt=\"before\" src=\"" + Html.thumbnail(outlined(Path.of(e.source()), e.regions()), THUMB)
            + "\"><figcaption>before · " + HtmlText.escape(Path.of(e.source()).getFileName().toString()) + "</figcaption></figure>\n");
        w.write("<figure class=\"near\"><img alt=\"after\" src=\"" + Html.thumbnail(out.resolve(e.output()), THUMB)
            + "\"><figcaption>after · " + HtmlText.escape(e.output()) + "</figcaption></figure>\n");
        if (!e.regions().isEmpty() || !e.vetoed().isEmpty()) {
          w.write("<table><tr><th>x</th><th>y</th><th>width</th><th>height</th><th>label</th><th>detector</th><th></th></tr>\n");
          for (Region x : e.regions()) row(w, x, "");
          for (Region x : e.vetoed()) row(w, x, "vetoed (false hit)");
          w.write("</table>\n");
        }
        w.write("</section>\n");
      }
      w.write("</body></html>\n");
      w.flush();
    });
  }

  private static void row(Writer w, Region x, String note) throws IOException {
    w.write("<tr><td>" + x.x() + "</td><td>" + x.y() + "</td><td>" + x.width() + "</td><td>" + x.height() + "</td><td>"
        + HtmlText.escape(x.label()) + "</td><td>" + HtmlText.escape(x.detector()) + "</td><td>" + note + "</td></tr>\n");
  }

  private static BufferedImage outlined(Path source, List<Region> regions) throws IOException {
    BufferedImage src = ImageIO.read(source.toFile());
    if (src == null) throw new IOException("cannot decode " + source);
    BufferedImage img = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.drawImage(src, 0, 0, null);
    g.setColor(Color.RED);
    g.setStroke(new BasicStroke(Math.max(2, src.getWidth() / 200f)));
    for (Region r : regions) g.drawRect(r.x(), r.y(), r.width(), r.height());
    g.dispose();
    return img;
  }
}
