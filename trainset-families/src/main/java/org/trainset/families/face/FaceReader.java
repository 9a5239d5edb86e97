package org.trainset.families.face;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.trainset.core.io.DatasetFolder;
import org.trainset.core.io.InputException;
import org.trainset.core.media.ImageHeaderProbe;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.DatasetSchema;
import org.trainset.core.model.Item;
import org.trainset.core.model.LabelDef;
import org.trainset.core.model.MediaKind;
import org.trainset.core.model.MediaRef;
import org.trainset.core.spi.DatasetReader;
import org.trainset.core.spi.ItemCursor;
import org.trainset.core.issue.Issue;
import org.trainset.core.issue.Severity;
import org.trainset.core.spi.ReadOptions;
import org.trainset.core.spi.ReadPart;
import org.trainset.core.spi.ReadPlan;

/**
 * One part per person folder ({@code High_Resolution/19062421}). Opening a part checks that the
 * person's grid is complete: every combination of the sessions, lights, expressions and cameras
 * seen for that person must exist, as the release's refinement step requires; gaps are reported
 * as {@code face-grid-incomplete}.
 */
final class FaceReader implements DatasetReader {
  static final java.util.regex.Pattern PERSON_DIR = java.util.regex.Pattern.compile("(?:.*/)?(High|Middle|Low)_Resolution/\\d{8}");

  @Override public ReadPlan plan(Path root, ReadOptions options) throws IOException {
    if (!Files.isDirectory(root)) throw new InputException(root, "face-layout", "expected a folder of *_Resolution/ grids");
    // Plan lists person folders only; each part lists its own images when opened, so planning
    // stays small for 600 people × 32,400 shots.
    // A single resolution folder may be given: read it relative to its parent so ids keep the
    // {Res}_Resolution prefix.
    String only = root.getFileName() != null && root.getFileName().toString().matches("(High|Middle|Low)_Resolution")
        ? root.getFileName().toString() + "/" : null;
    Path base = only != null ? root.toAbsolutePath().getParent() : root;
    List<String> persons = new ArrayList<>();
    // a person folder that is a dangling symlink or a FIFO is reported, not dropped with its shots
    for (Path p : DatasetFolder.folders(base, only != null ? 2 : 3, p -> isPerson(base, p, only), options.problems())) {
      persons.add(base.relativize(p).toString().replace('\\', '/'));
    }
    if (persons.isEmpty()) throw new InputException(root, "face-layout", "no {High|Middle|Low}_Resolution/<8-digit id>/ folders");
    persons.sort(null);
    List<ReadPart> parts = new ArrayList<>();
    for (String person : persons) parts.add(new PersonPart(base.toAbsolutePath().toString(), person));
    LabelDef landmarks = new LabelDef(FaceLabels.LANDMARK_LABEL, null, null, null, "points", List.of(), FaceLabels.LANDMARKS, List.of());
    List<LabelDef> labels = new ArrayList<>();
    labels.add(landmarks);
    FaceLabels.BOXES.forEach(b -> labels.add(LabelDef.named(b)));
    return new ReadPlan(new DatasetSchema(root.getFileName() == null ? "" : root.getFileName().toString(), Map.of(),
        labels, List.of()), parts);
  }

  private static boolean isPerson(Path base, Path p, String only) {
    String rel = base.relativize(p).toString().replace('\\', '/');
    return PERSON_DIR.matcher(rel).matches() && (only == null || rel.startsWith(only));
  }

  /** Sort key with numbers zero-padded so C2 comes before C10. */
  static String key(FaceGrid g) {
    return g.session() + "/" + pad(g.light().substring(1)) + "/" + g.expression() + "/" + pad(g.camera().substring(1));
  }

  private static String pad(String n) {
    return "0".repeat(Math.max(0, 6 - n.length())) + n;
  }

  record PersonPart(String root, String personDir) implements ReadPart {
    @Override public String describe() { return personDir; }

    @Override public ItemCursor open(ReadOptions options) throws IOException {
      Path base = options.storage().local(root);
      List<String> images = new ArrayList<>();
      // a shot that is a dangling symlink or a FIFO is reported (a FIFO would block the size probe)
      for (Path p : DatasetFolder.files(base.resolve(personDir), 5, p -> FaceGrid.parse(rel(base, p)) != null,
          options.problems())) {
        images.add(rel(base, p));
      }
      images.sort(Comparator.comparing((String r) -> key(FaceGrid.parse(r))));
      checkGrid(images, base, options);
      Map<String, Object> subject = FaceSubjects.of(base, personDir.substring(personDir.lastIndexOf('/') + 1));
      return new ItemCursor() {
        private int next;

        @Override public Item next() throws IOException {
          if (next >= images.size()) return null;
          String rel = images.get(next++);
          Item it = item(base, rel, options);
          if (subject.isEmpty()) return it;
          Map<String, Object> attrs = new java.util.LinkedHashMap<>(it.attributes());
          attrs.putAll(subject);
          return it.withAttributes(attrs);
        }

        @Override public void close() { }
      };
    }

    private void checkGrid(List<String> images, Path base, ReadOptions options) throws IOException {
      Set<String> s = new TreeSet<>();
      Set<String> l = new TreeSet<>();
      Set<String> e = new TreeSet<>();
      Set<String> c = new TreeSet<>();
      Set<String> present = new TreeSet<>();
      for (String rel : images) {
        FaceGrid g = FaceGrid.parse(rel);
        s.add(g.session());
        l.add(g.light());
        e.add(g.expression());
        c.add(g.camera());
        present.add(g.cell());
      }
      List<String> missing = new ArrayList<>();
      for (String a : s) for (String b : l) for (String d : e) for (String f : c) {
        String cell = a + "/" + b + "/" + d + "/" + f;
        if (!present.contains(cell)) missing.add(cell);
      }
      if (!missing.isEmpty()) {
        options.problems().report(Issue.at(Severity.WARNING, "face-grid-incomplete", base.resolve(personDir).toString(), -1, personDir, null, missing.size() + " of " + (s.size() * l.size() * e.size() * c.size()) + " shots missing: "
                + String.join(", ", missing.subList(0, Math.min(10, missing.size()))) + (missing.size() > 10 ? ", …" : "")));
      }
    }

    private static String rel(Path base, Path p) {
      return base.relativize(p).toString().replace('\\', '/');
    }

    private static Item item(Path base, String rel, ReadOptions options) throws IOException {
      FaceGrid g = FaceGrid.parse(rel);
      Path image = base.resolve(rel);
      int[] size = ImageHeaderProbe.size(image);
      String id = rel.substring(0, rel.lastIndexOf('.'));
      Path txt = base.resolve(id + ".txt");
      List<Annotation> anns = List.of();
      if (DatasetFolder.present(txt)) {
        anns = FaceLabels.read(txt);
      } else {
        options.problems().report(Issue.at(Severity.ERROR, "face-missing-label", image.toString(), -1, id, null, "no " + txt.getFileName() + " beside the image"));
      }
      MediaRef m = new MediaRef(MediaKind.IMAGE, rel, size == null ? null : size[0], size == null ? null : size[1], Map.of());
      return new Item(id, null, List.of(m), g.attributes(), anns);
    }
  }
}
