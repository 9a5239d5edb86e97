package org.trainset.families.face;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.trainset.core.model.AnnotationMeta;
import org.trainset.core.model.Box;
import org.trainset.core.model.Points;
import org.trainset.families.samples.SampleImages;

/**
 * Draws a simple face for one grid cell and computes its landmarks and part boxes from the same
 * geometry: the camera turns the head (yaw), hiding the far ear at steep angles; the light scales
 * brightness; the expression changes the mouth.
 */
final class FaceDrawing {
  final BufferedImage image;
  final Points landmarks;
  final List<Box> boxes = new ArrayList<>();

  FaceDrawing(int size, int camera, int light, int expression, Random rnd) {
    double yaw = Math.toRadians(-60 + (camera - 1) * 120.0 / 19);
    double bright = 1.0 - 0.15 * ((light - 1) % 4);
    Color bg = scale(SampleImages.color(rnd, 120, 200), bright);
    image = SampleImages.canvas(size, size, bg);
    Graphics2D g = SampleImages.graphics(image);
    double s = size;
    double cx = s / 2;
    double cy = s / 2;
    double shift = Math.sin(yaw) * 0.18 * s;
    double fw = 0.56 * s * (0.8 + 0.2 * Math.cos(yaw));
    double fh = 0.70 * s;
    Color skin = scale(new Color(224 - rnd.nextInt(30), 182 - rnd.nextInt(30), 150 - rnd.nextInt(30)), bright);
    double[] re = {cx - 0.13 * s + shift, cy - 0.08 * s};
    double[] le = {cx + 0.13 * s + shift, cy - 0.08 * s};
    double[] nose = {cx + shift * 1.3, cy + 0.07 * s};
    double mouthW = expression == 2 ? 0.22 * s : 0.16 * s;
    double[] rm = {cx - mouthW / 2 + shift, cy + 0.20 * s};
    double[] lm = {cx + mouthW / 2 + shift, cy + 0.20 * s};
    double earDx = fw / 2 + 0.02 * s;
    double[] rEar = {cx - earDx + shift * 0.4, cy};
    double[] lEar = {cx + earDx + shift * 0.4, cy};
    boolean rEarVisible = yaw > Math.toRadians(-40);
    boolean lEarVisible = yaw < Math.toRadians(40);
    int ew = (int) Math.round(0.05 * s);
    // ears behind the head
    g.setColor(skin.darker());
    if (rEarVisible) g.fillOval(px(rEar[0] - ew), px(rEar[1] - 2 * ew), 2 * ew, 4 * ew);
    if (lEarVisible) g.fillOval(px(lEar[0] - ew), px(lEar[1] - 2 * ew), 2 * ew, 4 * ew);
    g.setColor(skin);
    g.fillOval(px(cx - fw / 2 + shift * 0.4), px(cy - fh / 2), px(fw), px(fh));
    g.setColor(new Color(30, 30, 30));
    int eye = Math.max(2, (int) Math.round(0.035 * s));
    g.fillOval(px(re[0]) - eye, px(re[1]) - eye / 2, 2 * eye, eye);
    g.fillOval(px(le[0]) - eye, px(le[1]) - eye / 2, 2 * eye, eye);
    g.setColor(skin.darker().darker());
    g.drawLine(px(nose[0]), px(nose[1] - 0.08 * s), px(nose[0]), px(nose[1]));
    g.setColor(new Color(150, 40, 50));
    if (expression == 3) {
      g.fillOval(px(rm[0]), px(rm[1] - 0.04 * s), px(mouthW), px(0.08 * s));
    } else if (expression == 2) {
      g.drawArc(px(rm[0]), px(rm[1] - 0.05 * s), px(mouthW), px(0.08 * s), 180, 180);
    } else {
      g.drawLine(px(rm[0]), px(rm[1]), px(lm[0]), px(lm[1]));
    }
    g.dispose();
    SampleImages.noise(image, rnd, 3);
    double[] pts = {nose[0], nose[1], re[0], re[1], le[0], le[1], rm[0], rm[1], lm[0], lm[1], rEar[0], rEar[1], lEar[0], lEar[1]};
    int[] vis = {2, 2, 2, 2, 2, rEarVisible ? 2 : 0, lEarVisible ? 2 : 0};
    for (int i = 0; i < pts.length; i++) pts[i] = vis[i / 2] == 0 ? 0 : Math.round(pts[i]);
    landmarks = new Points(AnnotationMeta.of(FaceLabels.LANDMARK_LABEL), pts, vis);
    box(0, cx - fw / 2 + shift * 0.4, cy - fh / 2, fw, fh);
    box(1, le[0] - 2 * eye, le[1] - eye, 4 * eye, 2 * eye);
    box(2, re[0] - 2 * eye, re[1] - eye, 4 * eye, 2 * eye);
    box(3, nose[0] - 0.05 * s, nose[1] - 0.1 * s, 0.1 * s, 0.13 * s);
    box(4, rm[0] - 0.02 * s, rm[1] - 0.05 * s, mouthW + 0.04 * s, 0.1 * s);
    if (lEarVisible) box(5, lEar[0] - ew, lEar[1] - 2 * ew, 2 * ew, 4 * ew);
    if (rEarVisible) box(6, rEar[0] - ew, rEar[1] - 2 * ew, 2 * ew, 4 * ew);
  }

  private void box(int index, double x, double y, double w, double h) {
    boxes.add(new Box(AnnotationMeta.of(FaceLabels.BOXES.get(index)).withId(Integer.toString(index)),
        Math.round(x), Math.round(y), Math.max(1, Math.round(w)), Math.max(1, Math.round(h))));
  }

  private static int px(double v) {
    return (int) Math.round(v);
  }

  private static Color scale(Color c, double f) {
    return new Color((int) (c.getRed() * f), (int) (c.getGreen() * f), (int) (c.getBlue() * f));
  }
}
