package org.trainset.formats.cvat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.trainset.core.io.InputException;
import org.trainset.core.model.DatasetSchema;
import org.trainset.core.model.LabelDef;

/**
 * What comes before the first {@code <image>} or {@code <track>}: {@code <version>} and
 * {@code <meta>}. The meta block is kept whole as nested maps (repeated children become lists,
 * leaves are their text) except {@code labels}, which become {@link LabelDef}s.
 *
 * @param version   the {@code <version>} text, or null (files with no version)
 * @param container {@code task}, {@code job} or {@code project}: the first child of meta, or null
 * @param meta      the meta block without labels; empty when the file has none
 * @param labels    declared labels
 * @param svgs      skeleton label name to its original {@code <svg>} text
 */
record CvatHead(String version, String container, Map<String, Object> meta, List<LabelDef> labels,
                Map<String, String> svgs) {

  /** Reads the head; leaves {@code r} on the first item element or on {@code </annotations>}. */
  static CvatHead read(XMLStreamReader r, Path file) throws XMLStreamException, InputException {
    while (r.hasNext() && r.next() != XMLStreamConstants.START_ELEMENT) {
      // prolog: declaration, comments, whitespace (a DOCTYPE is refused by SafeXml)
    }
    if (r.getEventType() != XMLStreamConstants.START_ELEMENT || !"annotations".equals(r.getLocalName())) {
      throw CvatXml.error(file, r, "cvat-root", "root element must be <annotations>");
    }
    String version = null;
    String container = null;
    Map<String, Object> meta = new LinkedHashMap<>();
    List<LabelDef> labels = new ArrayList<>();
    Map<String, String> svgs = new LinkedHashMap<>();
    while (CvatXml.nextTag(r) == XMLStreamConstants.START_ELEMENT) {
      String name = r.getLocalName();
      if (name.equals("version")) {
        version = CvatXml.text(r).strip();
      } else if (name.equals("meta")) {
        while (CvatXml.nextTag(r) == XMLStreamConstants.START_ELEMENT) {
          String child = r.getLocalName();
          if (container == null && (child.equals("task") || child.equals("job") || child.equals("project"))) {
            container = child;
            CvatXml.putRepeated(meta, child, readContainer(r, file, labels, svgs));
          } else {
            CvatXml.putRepeated(meta, child, CvatXml.readTree(r));
          }
        }
      } else {
        break; // the first item element: the cursor takes over here
      }
    }
    return new CvatHead(version, container, meta, CvatLabels.withKeypoints(labels, svgs), svgs);
  }

  private static Map<String, Object> readContainer(XMLStreamReader r, Path file, List<LabelDef> labels,
                                                   Map<String, String> svgs)
      throws XMLStreamException, InputException {
    Map<String, Object> map = new LinkedHashMap<>();
    while (CvatXml.nextTag(r) == XMLStreamConstants.START_ELEMENT) {
      String child = r.getLocalName();
      if (child.equals("labels")) {
        CvatLabels.read(r, file, labels, svgs);
      } else {
        CvatXml.putRepeated(map, child, CvatXml.readTree(r));
      }
    }
    return map;
  }

  /** The container map (task, job or project), or empty. */
  @SuppressWarnings("unchecked")
  Map<String, Object> containerMap() {
    Object c = container == null ? null : meta.get(container);
    return c instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  /** The container's own {@code <subset>} (job and task exports), or null when absent or empty. */
  String containerSubset() {
    Object s = containerMap().get("subset");
    return s instanceof String str && !str.isBlank() ? str : null;
  }

  /** The dataset schema: labels, subsets, and the CVAT head kept under metadata "cvat". */
  DatasetSchema schema(String name) {
    Map<String, Object> cvat = new LinkedHashMap<>();
    if (version != null) cvat.put("version", version);
    if (container != null) cvat.put("container", container);
    if (!meta.isEmpty()) cvat.put("meta", meta);
    if (!svgs.isEmpty()) cvat.put("skeleton_svg", svgs);
    List<String> subsets = new ArrayList<>();
    Object projectSubsets = containerMap().get("subsets");
    if (projectSubsets instanceof String s) {
      for (String line : s.split("\n")) if (!line.isBlank()) subsets.add(line.strip());
    } else if (containerSubset() != null) {
      subsets.add(containerSubset());
    }
    Object taskName = containerMap().get("name");
    String datasetName = taskName instanceof String t ? t : name;
    return new DatasetSchema(datasetName, cvat.isEmpty() ? Map.of() : Map.of(CvatFormat.METADATA_KEY, cvat),
        labels, subsets);
  }
}
