package org.trainset.server.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.trainset.core.DatasetSource;
import org.trainset.core.model.Item;
import org.trainset.core.model.MediaRef;
import org.trainset.core.spi.ItemCursor;
import org.trainset.core.spi.ReadOptions;
import org.trainset.formats.trainset.TrainsetFormat;
import org.trainset.refine.images.Fingerprint;

/**
 * What output checking compares against, made once per release: the SHA-256 of every file in it,
 * the perceptual hashes of every image (refine's {@link Fingerprint}, the hashes image dedup uses)
 * and the identifiers its items carry.
 *
 * <p>Identifiers are each item's id, the parts of item ids and media paths that look like codes
 * (at least {@value #MIN_ID_LENGTH} characters with at least four digits, e.g. a person number
 * {@code 19062401}), and the text values of attributes whose name says they identify someone or
 * something ({@code id}, {@code *_id}, {@code person}, {@code patient}, {@code subject}, {@code name}).
 */
public final class DatasetIndex {
  static final int MIN_ID_LENGTH = 5;
  private static final Set<String> ID_KEYS = Set.of("id", "person", "patient", "subject", "name", "patient_id",
      "person_id", "subject_id", "accession", "mrn");

  /** One image of the release. */
  public record Image(String path, String sha256, long phash, long dhash) {}

  private final Set<String> fileHashes;
  private final List<Image> images;
  private final Set<String> identifiers;

  private DatasetIndex(Set<String> fileHashes, List<Image> images, Set<String> identifiers) {
    this.fileHashes = fileHashes;
    this.images = images;
    this.identifiers = identifiers;
  }

  public Set<String> fileHashes() { return fileHashes; }
  public List<Image> images() { return images; }
  /** Identifiers, longest first (a check reports the most specific match). */
  public Set<String> identifiers() { return identifiers; }

  /** Indexes the release folder: every file, and the native export's items at {@code data/trainset}. */
  public static DatasetIndex of(Path release) throws IOException {
    Set<String> hashes = new HashSet<>();
    List<Image> images = new ArrayList<>();
    try (var files = Files.walk(release)) {
      for (Path f : (Iterable<Path>) files.filter(ScriptRun::isPlainFile).sorted()::iterator) {
        byte[] head = FileTypes.head(f);
        String rel = release.relativize(f).toString();
        if (FileTypes.isImage(head)) {
          try {
            Fingerprint fp = Fingerprint.of(f, rel);
            hashes.add(fp.sha256());
            images.add(new Image(rel, fp.sha256(), fp.phash(), fp.dhash()));
            continue;
          } catch (IOException e) {
            // an undecodable image is still compared byte for byte below
          }
        }
        hashes.add(FileTypes.sha256(f));
      }
    }
    Set<String> ids = new TreeSet<>((a, b) -> a.length() != b.length() ? b.length() - a.length() : a.compareTo(b));
    Path nativeData = release.resolve("data").resolve("trainset");
    if (Files.isDirectory(nativeData)) {
      DatasetSource source = DatasetSource.open(new TrainsetFormat(), nativeData, ReadOptions.defaults());
      try (ItemCursor c = source.open(null)) {
        for (Item it; (it = c.next()) != null; ) addIdentifiers(it, ids);
      }
    }
    return new DatasetIndex(Set.copyOf(hashes), List.copyOf(images), java.util.Collections.unmodifiableSet(ids));
  }

  private static void addIdentifiers(Item it, Set<String> ids) {
    if (it.id().length() >= MIN_ID_LENGTH) ids.add(it.id());
    codes(it.id(), ids);
    for (MediaRef m : it.media()) codes(m.path(), ids);
    for (Map.Entry<String, Object> a : it.attributes().entrySet()) {
      String key = a.getKey().toLowerCase(Locale.ROOT);
      if ((ID_KEYS.contains(key) || key.endsWith("_id")) && a.getValue() != null) {
        String v = a.getValue().toString().trim();
        if (v.length() >= MIN_ID_LENGTH - 1) ids.add(v);
      }
    }
  }

  /** The parts of a path that look like codes: long enough and mostly digits. */
  private static void codes(String path, Set<String> ids) {
    for (String part : path.split("[/\\\\._\\s-]+")) {
      long digits = part.chars().filter(Character::isDigit).count();
      if (part.length() >= MIN_ID_LENGTH && digits >= 4) ids.add(part);
    }
  }
}
