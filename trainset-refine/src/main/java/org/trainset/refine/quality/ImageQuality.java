package org.trainset.refine.quality;

import java.nio.file.Path;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfDouble;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;
import org.trainset.core.io.InputException;
import org.trainset.refine.deid.OpenCv;

/**
 * The seed's image-quality measures on the grey image (OpenCV):
 * {@code sharpness} — variance of the Laplacian (low for blurred or shaken shots; the usual
 * "variance of the Laplacian" focus measure); {@code brightness} — mean grey level 0–255;
 * {@code dark}/{@code bright} — shares of pixels ≤ 5 and ≥ 250 (under/over-exposure);
 * {@code noise} — Immerkær's fast noise estimate σ (the image convolved with the 3×3 mask
 * [1 −2 1; −2 4 −2; 1 −2 1], σ = √(π/2)·Σ|·| / (6(W−2)(H−2))), which stays low on clean scans and
 * rises with a generator's speckle noise (X-ray).
 */
public record ImageQuality(double sharpness, double brightness, double dark, double bright, double noise) {

  public static ImageQuality of(Path file) throws InputException {
    OpenCv.load();
    Mat grey = Imgcodecs.imread(file.toAbsolutePath().toString(), Imgcodecs.IMREAD_GRAYSCALE);
    try {
      if (grey.empty()) throw new InputException(file, "image-decode", "OpenCV cannot decode this image");
      return of(grey);
    } finally {
      grey.release();
    }
  }

  /** The measures of an 8-bit grey image. */
  public static ImageQuality of(Mat grey) {
    Mat lap = new Mat();
    Mat noise = new Mat();
    MatOfDouble mean = new MatOfDouble();
    MatOfDouble std = new MatOfDouble();
    try {
      Imgproc.Laplacian(grey, lap, CvType.CV_64F);
      Core.meanStdDev(lap, mean, std);
      double sd = std.toArray()[0];
      double brightness = Core.mean(grey).val[0];
      long total = (long) grey.rows() * grey.cols();
      Mat mask = new Mat();
      Core.inRange(grey, new org.opencv.core.Scalar(0), new org.opencv.core.Scalar(5), mask);
      double dark = Core.countNonZero(mask) / (double) total;
      Core.inRange(grey, new org.opencv.core.Scalar(250), new org.opencv.core.Scalar(255), mask);
      double bright = Core.countNonZero(mask) / (double) total;
      mask.release();
      Mat kernel = new Mat(3, 3, CvType.CV_64F);
      kernel.put(0, 0, 1, -2, 1, -2, 4, -2, 1, -2, 1);
      Imgproc.filter2D(grey, noise, CvType.CV_64F, kernel);
      kernel.release();
      Mat inner = noise.submat(1, Math.max(1, noise.rows() - 1), 1, Math.max(1, noise.cols() - 1));
      double sum = Core.norm(inner, Core.NORM_L1);
      inner.release();
      double sigma = grey.rows() < 3 || grey.cols() < 3 ? 0
          : Math.sqrt(Math.PI / 2) * sum / (6.0 * (grey.cols() - 2) * (grey.rows() - 2));
      return new ImageQuality(round(sd * sd), round(brightness), round(dark), round(bright), round(sigma));
    } finally {
      lap.release();
      noise.release();
      mean.release();
      std.release();
    }
  }

  private static double round(double v) {
    return Math.round(v * 1e4) / 1e4;
  }
}
