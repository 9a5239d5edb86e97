package org.trainset.formats.voc;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.trainset.core.spi.DatasetReader;
import org.trainset.core.spi.DatasetWriter;
import org.trainset.core.spi.Format;
import org.trainset.core.spi.FormatDetector;

/**
 * Pascal VOC: one {@code Annotations/<id>.xml} per image, images in {@code JPEGImages/}, subsets
 * listed in {@code ImageSets/<task>/<subset>.txt}, an optional {@code labelmap.txt} (Datumaro's
 * custom colour map). Roboflow's flat variant ({@code <subset>/<id>.xml} beside the images) is
 * read too. See docs/formats/voc.md.
 */
public final class VocFormat implements Format {
  public static final String ID = "voc";
  static final String ANNOTATIONS = "Annotations";
  static final String IMAGES = "JPEGImages";
  static final String IMAGE_SETS = "ImageSets";
  static final String LABELMAP = "labelmap.txt";
  /** ImageSets task folders in the order their subset lists are trusted. */
  static final List<String> TASKS = List.of("Main", "Segmentation", "Action", "Layout");

  /** The VOC 2012 classes (plus Datumaro's background/ignored), used when there is no labelmap. */
  static final Set<String> DEFAULT_LABELS = Set.of("background", "aeroplane", "bicycle", "bird",
      "boat", "bottle", "bus", "car", "cat", "chair", "cow", "diningtable", "dog", "horse",
      "motorbike", "person", "pottedplant", "sheep", "sofa", "train", "tvmonitor", "ignored");
  /** The VOC 2012 person actions: class-specific Action lists are named after them. */
  static final Set<String> DEFAULT_ACTIONS = Set.of("other", "jumping", "phoning",
      "playinginstrument", "reading", "ridingbike", "ridinghorse", "running", "takingphoto",
      "usingcomputer", "walking");

  /** Object attributes VOC has its own elements for. */
  static final String DIFFICULT = "difficult";
  static final String TRUNCATED = "truncated";
  static final String POSE = "pose";
  /** Item attribute for {@code <segmented>}. */
  static final String SEGMENTED = "segmented";

  @Override public String id() { return ID; }
  @Override public String description() {
    return "Pascal VOC: Annotations/*.xml, JPEGImages, ImageSets subsets, labelmap.txt";
  }
  @Override public FormatDetector detector() { return new VocDetector(); }
  @Override public Optional<DatasetReader> reader() { return Optional.of(new VocReader()); }
  @Override public Optional<DatasetWriter> writer() { return Optional.of(new VocWriter()); }
}
