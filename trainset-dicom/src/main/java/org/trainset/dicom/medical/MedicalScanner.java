package org.trainset.dicom.medical;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import org.trainset.core.io.DatasetFolder;
import org.trainset.core.io.InputException;
import org.trainset.core.io.Json;
import org.trainset.core.io.ParseLimits;
import org.trainset.core.media.ImageHeaderProbe;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.AnnotationMeta;
import org.trainset.core.model.Item;
import org.trainset.core.model.ItemDocument;
import org.trainset.core.model.MediaKind;
import org.trainset.core.model.MediaRef;
import org.trainset.core.model.Polygon;
import org.trainset.core.model.Tag;
import org.trainset.core.issue.Issue;
import org.trainset.core.issue.Severity;
import org.trainset.core.spi.ProblemSink;
import org.trainset.dicom.io.DicomObject;
import org.trainset.dicom.io.DicomReader;
import org.trainset.dicom.io.Tags;

/**
 * Builds items from the folder and reports the family's findings: missing or duplicate views,
 * views whose DICOM tags contradict the name, names that break the convention, metadata rows
 * without images and images without rows.
 */
final class MedicalScanner {
  private final Path root;
  private final ProblemSink problems;
  private final ParseLimits limits;

  MedicalScanner(Path root, ProblemSink problems, ParseLimits limits) {
    this.root = root;
    this.problems = problems;
    this.limits = limits;
  }

  /**
   * The items, pulled patient by patient (a patient's views and reports are in memory at a time,
   * never the whole set), then the fundus images.
   */
  ItemSource scan() throws IOException {
    Iterator<Csv.Row> patients = DatasetFolder.present(root.resolve(MedicalLayout.CASES_CSV))
        ? mammographyCases().iterator() : java.util.Collections.emptyIterator();
    return new ItemSource() {
      private final Deque<Item> ready = new ArrayDeque<>();
      private boolean fundusDone;

      @Override public Item next() throws IOException {
        while (ready.isEmpty()) {
          if (patients.hasNext()) {
            patient(patients.next(), ready::add);
          } else if (!fundusDone) {
            fundusDone = true;
            if (DatasetFolder.present(root.resolve(MedicalLayout.FUNDUS_CSV))) fundus(ready::add);
          } else {
            return null;
          }
        }
        return ready.poll();
      }
    };
  }

  /** Items one at a time; null at the end. */
  interface ItemSource {
    Item next() throws IOException;
  }

  private java.util.Collection<Csv.Row> mammographyCases() throws IOException {
    Path csv = root.resolve(MedicalLayout.CASES_CSV);
    Map<String, Csv.Row> cases = new LinkedHashMap<>();
    for (Csv.Row r : Csv.read(csv, MedicalLayout.CASE_COLUMNS)) {
      if (cases.putIfAbsent(r.get("patient_id"), r) != null) {
        problems.report(Issue.at(Severity.ERROR, "medical.duplicate-row", MedicalLayout.CASES_CSV, r.line(), r.get("patient_id"), null, "patient listed twice"));
      }
    }
    Path dir = root.resolve(MedicalLayout.MAMMO_DIR);
    Set<String> folders = new TreeSet<>();
    // a patient folder gone wrong (a dangling symlink, a FIFO, an undecodable name) is reported
    DatasetFolder.folders(dir, p -> true, problems).forEach(p -> folders.add(p.getFileName().toString()));
    for (String f : folders) {
      if (!cases.containsKey(f)) {
        problems.report(Issue.at(Severity.ERROR, "medical.unlisted-image", MedicalLayout.MAMMO_DIR + "/" + f, -1, f, null, "patient folder has no row in " + MedicalLayout.CASES_CSV));
      }
    }
    return cases.values();
  }

  /** One patient's view items, each with the patient's reports attached. */
  private void patient(Csv.Row row, Consumer<Item> items) throws IOException {
    Path dir = root.resolve(MedicalLayout.MAMMO_DIR);
    {
      String pid = row.get("patient_id");
      Map<String, List<Item>> byView = new TreeMap<>();
      Path pdir = dir.resolve(pid);
      Map<String, List<double[]>> lesions = lesions(pdir.resolve(MedicalLayout.LESIONS_JSON));
      List<ItemDocument> reports = reports(pdir.resolve(MedicalLayout.REPORTS_DIR));
      List<Path> dcms = new ArrayList<>();
      if (Files.isDirectory(pdir)) {
        // a .dcm name that is a dangling symlink or a FIFO is reported, never opened (a FIFO would block)
        dcms.addAll(DatasetFolder.files(pdir, 1, p -> p.toString().endsWith(".dcm"), problems));
      }
      for (Path f : dcms) {
        String rel = root.relativize(f).toString().replace('\\', '/');
        Matcher m = MedicalLayout.MAMMO_NAME.matcher(f.getFileName().toString());
        DicomObject h = new DicomReader(DicomReader.Options.headerOnly().withLimits(limits)).read(f).dataset();
        // ImageLaterality (0020,0062), else the series' Laterality (0020,0060), + ViewPosition (0018,5101)
        String side = h.string(0x00200062).filter(x -> !x.isEmpty()).or(() -> h.string(0x00200060)).orElse("");
        String view = side + h.string(0x00185101).orElse("");
        if (!MedicalLayout.VIEWS.contains(view)) {
          problems.report(Issue.at(Severity.ERROR, "medical.bad-view", rel, -1, pid, null, "ImageLaterality+ViewPosition give '" + view
              + "', expected one of " + MedicalLayout.VIEWS));
          continue;
        }
        if (!m.matches() || !m.group(1).equals(pid) || !m.group(2).equals(view)) {
          problems.report(Issue.at(Severity.ERROR, "medical.bad-name", rel, -1, pid, null, "expected " + pid + "_" + view + ".dcm for this view"));
        }
        byView.computeIfAbsent(view, k -> new ArrayList<>()).add(mammoItem(row, rel, view, h, lesions.getOrDefault(view, List.of())).withDocuments(reports));
      }
      for (String v : MedicalLayout.VIEWS) {
        List<Item> got = byView.getOrDefault(v, List.of());
        if (got.isEmpty()) {
          problems.report(Issue.at(Severity.ERROR, "medical.missing-view", MedicalLayout.MAMMO_DIR + "/" + pid, -1, pid, null, "no " + v + " view"));
        } else if (got.size() > 1) {
          problems.report(Issue.at(Severity.ERROR, "medical.duplicate-view", MedicalLayout.MAMMO_DIR + "/" + pid, -1, pid, null, got.size() + " files are the " + v + " view: " + got.stream().map(i -> i.primaryMedia().path()).toList()));
        }
        got.forEach(items);
      }
    }
  }

  /**
   * The patient's report files ({@code reports/}, sorted by name): text reports inline (UTF-8, at
   * most {@link ItemDocument#MAX_INLINE_BYTES}, else an error naming the file), other files (PDF)
   * by path. The kind (radiology, pathology) is the name up to the first '_' or '.'.
   */
  private List<ItemDocument> reports(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) return List.of();
    List<Path> files = DatasetFolder.files(dir, 1, p -> !p.getFileName().toString().startsWith("."), problems);
    List<ItemDocument> out = new ArrayList<>();
    for (Path f : files) {
      String rel = root.relativize(f).toString().replace('\\', '/');
      String name = f.getFileName().toString();
      String kind = name.split("[_.]", 2)[0].toLowerCase(java.util.Locale.ROOT);
      ItemDocument d = ItemDocument.file(rel, ItemDocument.REPORT, Map.of("kind", kind, "size", Files.size(f)));
      if (d.isText()) {
        int max = Math.min(ItemDocument.MAX_INLINE_BYTES, limits.maxStringLength());
        d = new ItemDocument(d.name(), d.mediaType(), d.role(), null, ItemDocument.readInlineText(f, max), d.info());
      }
      out.add(d);
    }
    return out;
  }

  private Item mammoItem(Csv.Row row, String rel, String view, DicomObject h, List<double[]> polygons) {
    Map<String, Object> attrs = new TreeMap<>();
    attrs.put("modality", "mammography");
    attrs.put("patient_id", row.get("patient_id"));
    attrs.put("class", row.get("class"));
    attrs.put("birads", row.get("birads"));
    attrs.put("device", row.get("device"));
    attrs.put("model", row.get("model"));
    if (!row.get("pathology").isEmpty()) attrs.put("pathology", row.get("pathology"));
    attrs.put("view", view);
    attrs.put("laterality", view.substring(0, 1));
    List<Annotation> anns = new ArrayList<>();
    anns.add(new Tag(AnnotationMeta.of(row.get("class"))));
    for (double[] p : polygons) anns.add(new Polygon(AnnotationMeta.of("lesion"), p));
    MediaRef media = new MediaRef(MediaKind.DICOM, rel, h.intValue(Tags.COLUMNS, 0), h.intValue(Tags.ROWS, 0), Map.of());
    return new Item(rel.substring(0, rel.length() - 4), null, List.of(media), attrs, anns);
  }

  private Map<String, List<double[]>> lesions(Path json) throws IOException {
    Map<String, List<double[]>> out = new HashMap<>();
    if (!DatasetFolder.present(json)) return out; // no lesions file: no lesions
    JsonNode root;
    try {
      root = Json.mapper(limits).readTree(json.toFile());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw Json.inputError(json, e);
    }
    for (JsonNode l : root.path("lesions")) {
      JsonNode pts = l.path("points");
      if (!pts.isArray() || pts.size() < 6 || pts.size() % 2 != 0) {
        throw new InputException(json, "medical.lesion", "lesion points must be an even list of at least 6 numbers");
      }
      double[] p = new double[pts.size()];
      for (int i = 0; i < p.length; i++) p[i] = pts.get(i).asDouble();
      out.computeIfAbsent(l.path("view").asText(), k -> new ArrayList<>()).add(p);
    }
    return out;
  }

  private void fundus(Consumer<Item> items) throws IOException {
    Path images = root.resolve(MedicalLayout.FUNDUS_IMAGES);
    Set<String> files = new TreeSet<>();
    if (Files.isDirectory(images)) {
      for (Path p : DatasetFolder.files(images, 1, p -> true, problems)) files.add(p.getFileName().toString());
    }
    Set<String> listed = new TreeSet<>();
    for (Csv.Row r : Csv.read(root.resolve(MedicalLayout.FUNDUS_CSV), MedicalLayout.FUNDUS_COLUMNS)) {
      String name = r.get("file_name");
      listed.add(name);
      String rel = MedicalLayout.FUNDUS_IMAGES + "/" + name;
      Matcher m = MedicalLayout.FUNDUS_NAME.matcher(name);
      if (!m.matches()) {
        problems.report(Issue.at(Severity.ERROR, "medical.bad-name", MedicalLayout.FUNDUS_CSV, r.line(), name, null, "expected General|Wide_<Normal|Glaucoma|AMD|DMR|RVO>_NNNN_<L|R>.jpg"));
      } else if (!m.group(1).equals(r.get("type")) || !m.group(2).equals(r.get("code")) || !m.group(4).equals(r.get("eye"))) {
        problems.report(Issue.at(Severity.ERROR, "medical.name-mismatch", MedicalLayout.FUNDUS_CSV, r.line(), name, null, "name says " + m.group(1) + "/" + m.group(2) + "/" + m.group(4) + ", row says " + r.get("type") + "/"
                + r.get("code") + "/" + r.get("eye")));
      }
      if (!files.contains(name)) {
        problems.report(Issue.at(Severity.ERROR, "medical.missing-image", MedicalLayout.FUNDUS_CSV, r.line(), name, null, "row has no image " + rel));
        continue;
      }
      int[] size = ImageHeaderProbe.size(root.resolve(rel));
      Map<String, Object> attrs = new TreeMap<>();
      attrs.put("modality", "fundus");
      for (String c : MedicalLayout.FUNDUS_COLUMNS) if (!c.equals("file_name")) attrs.put(c, r.get(c));
      MediaRef media = new MediaRef(MediaKind.IMAGE, rel, size == null ? null : size[0], size == null ? null : size[1], Map.of());
      items.accept(new Item(rel.substring(0, rel.length() - 4), null, List.of(media), attrs,
          List.of(new Tag(AnnotationMeta.of(r.get("code"))))));
    }
    for (String f : files) {
      if (!listed.contains(f)) {
        problems.report(Issue.at(Severity.ERROR, "medical.unlisted-image", MedicalLayout.FUNDUS_IMAGES + "/" + f, -1, f, null, "image has no row in " + MedicalLayout.FUNDUS_CSV));
      }
    }
  }
}
