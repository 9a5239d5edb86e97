package org.trainset.dicom.medical;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.trainset.core.convert.LossReport;
import org.trainset.core.io.AtomicOutput;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.DatasetSchema;
import org.trainset.core.model.Item;
import org.trainset.core.model.ItemDocument;
import org.trainset.core.io.SafePaths;
import org.trainset.core.model.Polygon;
import org.trainset.core.spi.DatasetWriter;
import org.trainset.core.spi.ItemSink;
import org.trainset.core.spi.StagedSink;
import org.trainset.core.spi.WriteOptions;

/**
 * Writes the family layout: view DICOMs and fundus jpgs copied from the media root, cases.csv,
 * fundus.csv and lesions.json rebuilt from the items' attributes and polygons. Items that are
 * neither mammography nor fundus are dropped (on the loss report).
 */
final class MedicalWriter implements DatasetWriter {
  @Override public ItemSink open(Path outDir, DatasetSchema schema, WriteOptions options, LossReport loss) throws IOException {
    AtomicOutput out = AtomicOutput.directory(outDir);
    Map<String, List<String>> cases = new TreeMap<>();
    Map<String, List<ObjectNode>> lesions = new TreeMap<>();
    List<List<String>> fundus = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    return new StagedSink(out, schema, options, loss) {
      @Override public void accept(Item item) throws IOException {
        Object modality = item.attributes().get("modality");
        if (item.primaryMedia() == null || !("mammography".equals(modality) || "fundus".equals(modality))) {
          loss.dropped(null, "item", "without mammography/fundus modality");
          return;
        }
        String rel = item.primaryMedia().path();
        Path src = (options.mediaRoot() == null ? Path.of(".") : options.mediaRoot()).resolve(rel);
        Path dst = out.resolve(rel);
        Files.createDirectories(dst.getParent());
        if (Files.exists(src)) Files.copy(src, dst, StandardCopyOption.REPLACE_EXISTING);
        else loss.dropped(null, "media file", "not found under the media root");
        Map<String, Object> a = item.attributes();
        if ("mammography".equals(modality)) {
          String pid = str(a, "patient_id");
          cases.putIfAbsent(pid, List.of(pid, str(a, "class"), str(a, "birads"), str(a, "device"), str(a, "model"),
              str(a, "pathology")));
          writeReports(out, options, loss, pid, item);
          for (Annotation an : item.annotations()) {
            if (an instanceof Polygon p) {
              ObjectNode l = json.createObjectNode().put("view", str(a, "view")).put("label", p.label());
              ArrayNode pts = l.putArray("points");
              for (double d : p.points()) pts.add(d);
              lesions.computeIfAbsent(pid, k -> new ArrayList<>()).add(l);
            }
          }
        } else {
          fundus.add(List.of(str(a, "serial"), Path.of(rel).getFileName().toString(), str(a, "type"), str(a, "code"),
              str(a, "laser_treatment"), str(a, "eye"), str(a, "device")));
        }
      }

      @Override protected void finish() throws IOException {
        if (!cases.isEmpty()) {
          write(out.resolve(MedicalLayout.CASES_CSV), MedicalLayout.CASE_COLUMNS, new ArrayList<>(cases.values()));
          for (var e : lesions.entrySet()) {
            ObjectNode root = json.createObjectNode().put("patient_id", e.getKey());
            root.putArray("lesions").addAll(e.getValue());
            Files.writeString(out.resolve(MedicalLayout.MAMMO_DIR + "/" + e.getKey() + "/" + MedicalLayout.LESIONS_JSON),
                json.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
          }
        }
        if (!fundus.isEmpty()) write(out.resolve(MedicalLayout.FUNDUS_CSV), MedicalLayout.FUNDUS_COLUMNS, fundus);
      }
    };
  }

  @Override public boolean keepsDocuments() {
    return true;
  }

  /** The patient's reports into {@code mammography/<pid>/reports/} (once per patient: the views share them). */
  private static void writeReports(AtomicOutput out, WriteOptions options, LossReport loss, String pid, Item item) throws IOException {
    for (ItemDocument d : item.documents()) {
      String name = Path.of(d.name()).getFileName().toString();
      Path dst = out.resolve(MedicalLayout.MAMMO_DIR + "/" + pid + "/" + MedicalLayout.REPORTS_DIR + "/" + name);
      if (Files.exists(dst)) continue;
      Files.createDirectories(dst.getParent());
      if (d.text() != null) {
        Files.writeString(dst, d.text(), StandardCharsets.UTF_8);
      } else if (d.path() != null) {
        Path src = SafePaths.resolveInside(options.mediaRoot() == null ? Path.of(".") : options.mediaRoot(), d.path());
        if (Files.isRegularFile(src)) Files.copy(src, dst);
        else loss.dropped(null, "document (" + d.role() + ")", "file not found under the media root");
      }
    }
  }

  static void write(Path file, List<String> header, List<List<String>> rows) throws IOException {
    Files.createDirectories(file.getParent());
    StringBuilder sb = new StringBuilder(Csv.line(header)).append('\n');
    for (List<String> r : rows) sb.append(Csv.line(r)).append('\n');
    Files.writeString(file, sb, StandardCharsets.UTF_8);
  }

  private static String str(Map<String, Object> a, String k) {
    Object v = a.get(k);
    return v == null ? "" : v.toString();
  }
}
