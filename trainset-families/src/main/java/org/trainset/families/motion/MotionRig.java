package org.trainset.families.motion;

/**
 * A posed 24-joint body in metres (y up, facing +z before yaw) and pinhole cameras around it,
 * so the sample's 2D keypoints are true projections of its 3D positions.
 */
final class MotionRig {
  private MotionRig() {}

  private static final double[][] REST = {
      {0, 0.95, 0}, {0.1, 0.9, 0}, {-0.1, 0.9, 0}, {0, 1.05, 0}, {0.1, 0.5, 0.02}, {-0.1, 0.5, 0.02},
      {0, 1.2, 0}, {0.1, 0.08, 0}, {-0.1, 0.08, 0}, {0, 1.3, 0}, {0.1, 0.02, 0.1}, {-0.1, 0.02, 0.1},
      {0, 1.5, 0}, {0.07, 1.45, 0}, {-0.07, 1.45, 0}, {0, 1.65, 0.02}, {0.18, 1.43, 0}, {-0.18, 1.43, 0},
      {0.22, 1.15, 0}, {-0.22, 1.15, 0}, {0.25, 0.9, 0.05}, {-0.25, 0.9, 0.05}, {0.26, 0.82, 0.06},
      {-0.26, 0.82, 0.06}};

  /** Joint positions for {@code phase} of an arm-raising motion, turned by {@code yaw} and moved by dx. */
  static double[][] pose(double phase, double yaw, double dx) {
    double[][] out = new double[24][];
    double lift = 0.5 + 0.5 * Math.sin(phase);
    for (int j = 0; j < 24; j++) {
      double x = REST[j][0];
      double y = REST[j][1];
      double z = REST[j][2];
      if (j == 18 || j == 20 || j == 22) { // left arm swings up and out
        double r = (j == 18 ? 0.28 : j == 20 ? 0.53 : 0.61);
        double a = -Math.PI / 2 + lift * Math.PI * 0.6;
        x = 0.18 + r * Math.cos(a) * 0.9;
        y = 1.43 + r * Math.sin(a);
      }
      double cx = x * Math.cos(yaw) + z * Math.sin(yaw);
      double cz = -x * Math.sin(yaw) + z * Math.cos(yaw);
      out[j] = new double[] {round(cx + dx, 4), round(y, 4), round(cz, 4)};
    }
    return out;
  }

  /** A camera at {@code angle} degrees around the subject, 4 m away, 1.2 m high, looking at its chest. */
  record Camera(double[][] intrinsics, double[][] extrinsics) {
    static Camera around(double angleDeg, int width, int height) {
      double t = Math.toRadians(angleDeg);
      double[] c = {4 * Math.sin(t), 1.2, 4 * Math.cos(t)};
      double[] f = normalise(new double[] {-c[0], 0.9 - c[1], -c[2]});
      double[] right = normalise(cross(f, new double[] {0, 1, 0}));
      double[] down = cross(f, right);
      double[][] r = {right, down, f};
      double[][] ext = new double[3][4];
      for (int i = 0; i < 3; i++) {
        for (int k = 0; k < 3; k++) ext[i][k] = round(r[i][k], 6);
        ext[i][3] = round(-(r[i][0] * c[0] + r[i][1] * c[1] + r[i][2] * c[2]), 6);
      }
      double[][] in = {{560, 0, width / 2.0}, {0, 560, height / 2.0}, {0, 0, 1}};
      return new Camera(in, ext);
    }

    /** u, v, depth of a world point. */
    double[] project(double[] p) {
      double[] q = new double[3];
      for (int i = 0; i < 3; i++) {
        q[i] = extrinsics[i][0] * p[0] + extrinsics[i][1] * p[1] + extrinsics[i][2] * p[2] + extrinsics[i][3];
      }
      return new double[] {intrinsics[0][0] * q[0] / q[2] + intrinsics[0][2],
          intrinsics[1][1] * q[1] / q[2] + intrinsics[1][2], q[2]};
    }
  }

  static double round(double v, int places) {
    double s = Math.pow(10, places);
    return Math.round(v * s) / s;
  }

  private static double[] cross(double[] a, double[] b) {
    return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
  }

  private static double[] normalise(double[] v) {
    double n = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
    return new double[] {v[0] / n, v[1] / n, v[2] / n};
  }
}
