package org.trainset.refine.deid;

/**
 * A rectangle to de-identify, in pixels of the image it was found in.
 *
 * @param label    what it is ({@code face}, {@code license_plate}, ...)
 * @param detector who found it: {@code annotation}, {@code haar:<cascade file>}, {@code regions:<file>}
 */
public record Region(int x, int y, int width, int height, String label, String detector) {
  public Region {
    if (width <= 0 || height <= 0) throw new IllegalArgumentException("region needs a positive width and height");
  }

  /**
   * The whole-pixel rectangle covering {@code x0..x1} × {@code y0..y1} (edges rounded outwards),
   * or null when it is empty: how annotation boxes and track boxes become regions alike.
   */
  public static Region covering(double x0, double y0, double x1, double y1, String label, String detector) {
    int x = (int) Math.floor(x0), y = (int) Math.floor(y0);
    int w = (int) Math.ceil(x1) - x, h = (int) Math.ceil(y1) - y;
    return w > 0 && h > 0 ? new Region(x, y, w, h, label, detector) : null;
  }

  /** This region cut to an image of {@code w} × {@code h}, or null when nothing is left. */
  public Region clip(int w, int h) {
    int x0 = Math.max(0, x), y0 = Math.max(0, y), x1 = Math.min(w, x + width), y1 = Math.min(h, y + height);
    return x1 <= x0 || y1 <= y0 ? null : new Region(x0, y0, x1 - x0, y1 - y0, label, detector);
  }

  /** Intersection over union with {@code o}. */
  public double iou(Region o) {
    int ix = Math.max(0, Math.min(x + width, o.x + o.width) - Math.max(x, o.x));
    int iy = Math.max(0, Math.min(y + height, o.y + o.height) - Math.max(y, o.y));
    double inter = (double) ix * iy;
    return inter / ((double) width * height + (double) o.width * o.height - inter);
  }
}
