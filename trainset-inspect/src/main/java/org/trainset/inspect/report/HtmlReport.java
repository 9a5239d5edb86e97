package org.trainset.inspect.report;

import org.trainset.core.io.HtmlText;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trainset.core.io.AtomicOutput;
import org.trainset.core.model.Item;
import org.trainset.core.issue.Issue;

/**
 * A self-contained HTML inspection report, written while the dataset streams: each item with
 * findings becomes a section (picture with the offending annotations drawn, then its findings)
 * in a staging file; {@link #finish} puts the summary and the dataset-level findings in front and
 * publishes the page atomically. At most {@code maxItems} item sections are kept, so memory and
 * page size stay bounded on large datasets (the summary still counts everything).
 */
public final class HtmlReport implements AutoCloseable {
  private final Path target;
  private final Path mediaRoot;
  private final int maxItems;
  private final Path body;
  private final Writer bodyOut;
  private int itemsShown;
  private long itemsWithFindings;

  private HtmlReport(Path target, Path mediaRoot, int maxItems, Path body) throws IOException {
    this.target = target;
    this.mediaRoot = mediaRoot;
    this.maxItems = maxItems;
    this.body = body;
    this.bodyOut = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(body), StandardCharsets.UTF_8));
  }

  /** Starts a report at {@code target}; images are looked up under {@code mediaRoot}. */
  public static HtmlReport open(Path target, Path mediaRoot, int maxItems) throws IOException {
    Path abs = target.toAbsolutePath().normalize();
    Files.createDirectories(abs.getParent());
    Path body = Files.createTempFile(abs.getParent(), "." + abs.getFileName() + ".", ".body");
    return new HtmlReport(abs, mediaRoot, maxItems, body);
  }

  /** Adds one item's findings (nothing happens for an item without findings). */
  public void addItem(Item item, List<Issue> findings) throws IOException {
    if (findings.isEmpty()) return;
    itemsWithFindings++;
    if (itemsShown >= maxItems) return;
    itemsShown++;
    Set<String> offending = new LinkedHashSet<>();
    Set<String> related = new LinkedHashSet<>();
    for (Issue f : findings) {
      if (f.annotation() != null) offending.add(f.annotation());
      if (f.related() != null) related.add(f.related());
    }
    bodyOut.write("<section class=\"item\"><h3>item " + HtmlText.escape(item.id()) + "</h3>");
    if (item.primaryMedia() != null) bodyOut.write("<p class=\"path\">" + HtmlText.escape(item.primaryMedia().path()) + "</p>");
    String url = FindingPicture.dataUrl(item, mediaRoot, offending, related);
    if (url != null) bodyOut.write("<img alt=\"item " + HtmlText.escape(item.id()) + "\" src=\"" + url + "\">");
    table(bodyOut, findings);
    bodyOut.write("</section>\n");
  }

  /** Writes the page: summary, dataset-level findings, then the item sections. */
  public void finish(String title, long items, Map<String, Long> bySeverity, Map<String, Long> byRule,
                     List<Issue> datasetFindings) throws IOException {
    bodyOut.close();
    try (AtomicOutput staged = AtomicOutput.file(target);
         java.io.OutputStream os = Files.newOutputStream(staged.path())) {
      Writer w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8));
      w.write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + HtmlText.escape(title) + "</title><style>"
          + "body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:.5em 0}"
          + "td,th{border:1px solid #ccc;padding:3px 8px;text-align:left;vertical-align:top}"
          + ".error{color:#b00020;font-weight:bold}.warning{color:#a15c00}.info{color:#555}"
          + "section.item{border-top:2px solid #ddd;margin-top:1.5em}img{max-width:100%;border:1px solid #999}"
          + ".path{color:#666;font-size:90%}</style></head><body>\n");
      w.write("<h1>" + HtmlText.escape(title) + "</h1>");
      w.write("<p>" + items + " items inspected; " + itemsWithFindings + " items with findings"
          + (itemsWithFindings > itemsShown ? " (first " + itemsShown + " shown)" : "") + ".</p>");
      w.write("<table><tr><th>severity</th><th>findings</th></tr>");
      for (var e : bySeverity.entrySet()) {
        w.write("<tr><td class=\"" + HtmlText.escape(e.getKey()) + "\">" + HtmlText.escape(e.getKey()) + "</td><td>" + e.getValue() + "</td></tr>");
      }
      w.write("</table><table><tr><th>rule</th><th>findings</th></tr>");
      for (var e : byRule.entrySet()) {
        w.write("<tr><td>" + HtmlText.escape(e.getKey()) + "</td><td>" + e.getValue() + "</td></tr>");
      }
      w.write("</table>");
      if (!datasetFindings.isEmpty()) {
        w.write("<h2>Dataset</h2>");
        table(w, datasetFindings);
      }
      w.write("<h2>Items</h2>\n<p>Red: the annotation a finding is about; orange, dashed: the annotation it"
          + " conflicts with; grey: the item's other annotations.</p>\n");
      w.flush();
      Files.copy(body, os);
      w.write("</body></html>\n");
      w.flush();
      os.close();
      readableByAll(staged.path());
      staged.commit();
    }
  }

  /** Staged files are created owner-only; a report is meant to be shared. */
  private static void readableByAll(Path file) {
    try {
      Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    } catch (UnsupportedOperationException | IOException e) {
      // not a POSIX file system: keep the default permissions
    }
  }

  private static void table(Writer w, List<Issue> findings) throws IOException {
    w.write("<table><tr><th>severity</th><th>rule</th><th>annotation</th><th>message</th><th>value</th></tr>");
    for (Issue f : findings) {
      w.write("<tr><td class=\"" + f.severity().key() + "\">" + f.severity().key() + "</td><td>" + HtmlText.escape(f.rule())
          + "</td><td>" + HtmlText.escape(f.annotation() == null ? "" : f.annotation())
          + (f.related() == null ? "" : " / " + HtmlText.escape(f.related())) + "</td><td>" + HtmlText.escape(f.message())
          + "</td><td>" + HtmlText.escape(f.value() == null ? "" : String.valueOf(f.value())) + "</td></tr>");
    }
    w.write("</table>");
  }

  /** Removes the staging file; the target is only replaced by {@link #finish}. */
  @Override public void close() throws IOException {
    bodyOut.close();
    Files.deleteIfExists(body);
  }
}
