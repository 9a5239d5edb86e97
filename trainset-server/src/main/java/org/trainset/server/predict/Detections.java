package org.trainset.server.predict;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;
import org.trainset.core.model.AnnotationMeta;
import org.trainset.core.model.Box;
import org.trainset.refine.deid.HaarCascadeRegions;
import org.trainset.refine.deid.OpenCv;
import org.trainset.refine.deid.Region;
import org.trainset.refine.deid.RegionDetector;
import org.trainset.server.ApiException;

/**
 * The regions {@code trainset deid images --haar face,plate} finds (the refine module's OpenCV
 * cascades), as drafts for a de-identification job: people then fix misses and false hits.
 */
public final class Detections {
  /** Detector settings as the CLI's defaults. */
  private static final double SCALE = 1.1;
  private static final int NEIGHBOURS = 5;
  private static final int MIN_SIZE = 24;

  private List<RegionDetector> detectors;

  /** Face and plate regions of the image {@code file}, as box drafts labelled face / license_plate. */
  public synchronized List<Drafts.NewDraft> regions(Path file) {
    Mat image = null;
    try {
      if (detectors == null) {
        detectors = List.of(HaarCascadeRegions.stock("face", SCALE, NEIGHBOURS, MIN_SIZE),
            HaarCascadeRegions.stock("plate", SCALE, NEIGHBOURS, MIN_SIZE));
      }
      OpenCv.load();
      image = Imgcodecs.imread(file.toAbsolutePath().toString(), Imgcodecs.IMREAD_COLOR);
      if (image.empty()) return List.of();
      List<Drafts.NewDraft> out = new ArrayList<>();
      for (RegionDetector d : detectors) {
        for (Region r : d.detect(null, file.getFileName().toString(), file, image)) {
          AnnotationMeta meta = new AnnotationMeta(null, r.label(), Map.of(), null, 0, false, "deid:" + r.detector());
          out.add(new Drafts.NewDraft(new Box(meta, r.x(), r.y(), r.width(), r.height()), null, "deid:" + r.detector()));
        }
      }
      return out;
    } catch (IOException e) {
      throw ApiException.conflict("kind: the de-identification detectors are not available: " + e.getMessage());
    } catch (org.trainset.core.env.MissingRequirementException e) {
      throw ApiException.conflict("kind: " + e.getMessage());
    } finally {
      if (image != null) image.release();
    }
  }
}
