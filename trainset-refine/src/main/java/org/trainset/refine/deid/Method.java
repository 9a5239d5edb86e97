package org.trainset.refine.deid;

import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * How a region is made unrecognisable, in place and only inside the region.
 * {@link #BLUR}: Gaussian blur with a kernel half the region's longer side (odd, ≥ 3), applied
 * twice. {@link #PIXELATE}: area-averaged down to blocks of a tenth of the longer side (≥ 2 px),
 * then scaled back with nearest neighbour.
 */
public enum Method {
  BLUR, PIXELATE;

  public void apply(Mat image, Region r) {
    Mat roi = image.submat(r.y(), r.y() + r.height(), r.x(), r.x() + r.width());
    try {
      int longer = Math.max(r.width(), r.height());
      if (this == BLUR) {
        int k = Math.max(3, (longer / 2) | 1);
        Mat tmp = roi.clone();
        Imgproc.GaussianBlur(tmp, tmp, new Size(k, k), 0);
        Imgproc.GaussianBlur(tmp, tmp, new Size(k, k), 0);
        tmp.copyTo(roi);
        tmp.release();
      } else {
        int block = Math.max(2, longer / 10);
        int sw = Math.max(1, (r.width() + block - 1) / block), sh = Math.max(1, (r.height() + block - 1) / block);
        Mat small = new Mat();
        Imgproc.resize(roi, small, new Size(sw, sh), 0, 0, Imgproc.INTER_AREA);
        Mat big = new Mat();
        Imgproc.resize(small, big, new Size(r.width(), r.height()), 0, 0, Imgproc.INTER_NEAREST);
        big.copyTo(roi);
        small.release();
        big.release();
      }
    } finally {
      roi.release();
    }
  }
}
