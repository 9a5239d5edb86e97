package org.trainset.refine.deid;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Mat;
import org.opencv.core.MatOfRect;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.opencv.objdetect.CascadeClassifier;
import org.trainset.core.env.MissingRequirementException;
import org.trainset.core.env.Requirement;
import org.trainset.core.io.InputException;
import org.trainset.core.model.Item;

/**
 * OpenCV Haar cascade detection (Viola–Jones) on the equalised grey image. Cascades come from a
 * path the user gives or from Debian's {@code opencv-data} ({@link #debianCascade}); a cascade
 * that is missing or does not load is an input error, never a silent "no regions".
 */
public final class HaarCascadeRegions implements RegionDetector {
  /** Where Debian's opencv-data puts its cascades (newest first). */
  public static final List<Path> DEBIAN_DIRS = List.of(Path.of("/usr/share/opencv4/haarcascades"),
      Path.of("/usr/share/opencv/haarcascades"));
  /** A folder of stock cascades used instead of {@link #DEBIAN_DIRS} (system property, then environment). */
  public static final String PROPERTY = "trainset.haarDir";
  public static final String ENV = "TRAINSET_HAAR_DIR";

  private final CascadeClassifier classifier;
  private final String label;
  private final String name;
  private final double scaleFactor;
  private final int minNeighbors;
  private final int minSize;

  public HaarCascadeRegions(Path cascade, String label, double scaleFactor, int minNeighbors, int minSize) throws IOException {
    OpenCv.load();
    if (!Files.isRegularFile(cascade)) {
      throw new InputException(cascade, "cascade-missing",
          "Haar cascade file not found (install Debian's opencv-data or pass --cascade PATH)");
    }
    this.classifier = new CascadeClassifier(cascade.toAbsolutePath().toString());
    if (classifier.empty()) throw new InputException(cascade, "cascade-invalid", "not a loadable OpenCV cascade");
    this.label = label;
    this.name = "haar:" + cascade.getFileName();
    this.scaleFactor = scaleFactor;
    this.minNeighbors = minNeighbors;
    this.minSize = minSize;
  }

  /** A stock cascade by kind ({@code face}, {@code plate}) from opencv-data; unknown kinds are an IllegalArgumentException. */
  public static HaarCascadeRegions stock(String kind, double scaleFactor, int minNeighbors, int minSize) throws IOException {
    String file = switch (kind.toLowerCase(java.util.Locale.ROOT)) {
      case "face" -> "haarcascade_frontalface_default.xml";
      case "plate" -> "haarcascade_russian_plate_number.xml";
      default -> throw new IllegalArgumentException("unknown Haar cascade kind '" + kind + "'; known: face, plate");
    };
    return new HaarCascadeRegions(debianCascade(file), file.contains("plate") ? "license_plate" : "face",
        scaleFactor, minNeighbors, minSize);
  }

  /** A cascade file; its regions are labelled {@code license_plate} when its name says plate, else {@code face}. */
  public static HaarCascadeRegions ofFile(Path cascade, double scaleFactor, int minNeighbors, int minSize) throws IOException {
    String label = cascade.getFileName().toString().toLowerCase(java.util.Locale.ROOT).contains("plate") ? "license_plate" : "face";
    return new HaarCascadeRegions(cascade, label, scaleFactor, minNeighbors, minSize);
  }

  /** A stock cascade by file name ({@code haarcascade_frontalface_default.xml}) from opencv-data. */
  public static Path debianCascade(String fileName) {
    for (Path dir : stockDirs()) {
      Path p = dir.resolve(fileName);
      if (Files.isRegularFile(p)) return p;
    }
    throw new MissingRequirementException("OpenCV's stock Haar cascade " + fileName, "opencv-data",
        "pass --cascade PATH");
  }

  /** Where stock cascades are looked for: the override folder if set, else Debian's. */
  public static List<Path> stockDirs() {
    String override = System.getProperty(PROPERTY, System.getenv(ENV));
    return override != null && !override.isEmpty() ? List.of(Path.of(override)) : DEBIAN_DIRS;
  }

  /** {@code trainset doctor}: the stock cascades of opencv-data. */
  public static final class Stock implements Requirement {
    @Override public String name() { return "OpenCV Haar cascades"; }
    @Override public String debianPackage() { return "opencv-data"; }
    @Override public String usedBy() { return "trainset deid images --haar face|plate"; }
    @Override public String alternative() { return "pass --cascade PATH"; }

    @Override public java.util.Optional<String> locate() {
      return stockDirs().stream().filter(d -> Files.isRegularFile(d.resolve("haarcascade_frontalface_default.xml")))
          .map(Path::toString).findFirst();
    }
  }

  @Override public String name() {
    return name;
  }

  @Override public List<Region> detect(Item item, String mediaPath, Path file, Mat image) {
    Mat gray = new Mat();
    try {
      Imgproc.cvtColor(image, gray, Imgproc.COLOR_BGR2GRAY);
      Imgproc.equalizeHist(gray, gray);
      MatOfRect found = new MatOfRect();
      classifier.detectMultiScale(gray, found, scaleFactor, minNeighbors, 0, new Size(minSize, minSize), new Size());
      List<Region> out = new ArrayList<>();
      for (Rect r : found.toArray()) out.add(new Region(r.x, r.y, r.width, r.height, label, name));
      found.release();
      return out;
    } finally {
      gray.release();
    }
  }
}
