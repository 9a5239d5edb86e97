package org.trainset.families.sidewalk;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.trainset.families.samples.SampleImages;

/**
 * Writes one depth set as the stereo pipeline leaves it: raw left/right frames (1920×1080), their
 * crops (1920×592) where the right view is shifted by each object's disparity, the 16-bit
 * disparity, its colour visualisation, the photo-consistency image and the binary confidence
 * image (white where the left/right brightness difference is small: textured ground, not sky).
 */
final class DepthSample {
  static final int W = 1920;
  static final int RAW_H = 1080;
  static final int CROP_H = 592;
  static final int CROP_TOP = (RAW_H - CROP_H) / 2;

  private DepthSample() {}

  /** Writes the set's eight files; {@code skyRows} rows of the crop are textureless (not confident). */
  static void write(Path dir, String set, Random rnd, int skyRows) throws IOException {
    int[][] objects = new int[4][];
    for (int i = 0; i < objects.length; i++) {
      objects[i] = new int[] {200 + i * 420 + rnd.nextInt(100), 300 + rnd.nextInt(200), 120 + rnd.nextInt(120),
          20 + rnd.nextInt(60)}; // x, width, height, disparity
    }
    BufferedImage left = raw(objects, 0, skyRows);
    BufferedImage right = raw(objects, 1, skyRows);
    SampleImages.writePng(left, dir.resolve(set + "_Raw_Left.png"));
    SampleImages.writePng(right, dir.resolve(set + "_Raw_Right.png"));
    SampleImages.writePng(left.getSubimage(0, CROP_TOP, W, CROP_H), dir.resolve(set + "_Crop_Left.png"));
    SampleImages.writePng(right.getSubimage(0, CROP_TOP, W, CROP_H), dir.resolve(set + "_Crop_Right.png"));

    BufferedImage d16 = new BufferedImage(W, CROP_H, BufferedImage.TYPE_USHORT_GRAY);
    BufferedImage vis = new BufferedImage(W, CROP_H, BufferedImage.TYPE_INT_RGB);
    BufferedImage save = new BufferedImage(W, CROP_H, BufferedImage.TYPE_BYTE_GRAY);
    BufferedImage conf = new BufferedImage(W, CROP_H, BufferedImage.TYPE_BYTE_GRAY);
    WritableRaster dr = d16.getRaster();
    WritableRaster sr = save.getRaster();
    WritableRaster cr = conf.getRaster();
    for (int y = 0; y < CROP_H; y++) {
      for (int x = 0; x < W; x++) {
        int disparity = y < skyRows ? 0 : 8 + (y - skyRows) * 40 / CROP_H;
        for (int[] o : objects) {
          if (x >= o[0] && x < o[0] + o[1] && y >= CROP_H - 60 - o[2] && y < CROP_H - 60) disparity = o[3];
        }
        dr.setSample(x, y, 0, disparity * 256);
        int v = Math.min(255, disparity * 4);
        vis.setRGB(x, y, (v << 16) | ((255 - v) << 8) | 128);
        int diff = y < skyRows ? 60 + ((x * 7 + y * 13) % 90) : (x * 3 + y * 5) % 12;
        sr.setSample(x, y, 0, diff);
        cr.setSample(x, y, 0, diff < 20 ? 255 : 0);
      }
    }
    SampleImages.writePng(d16, dir.resolve(set + "_Disparity16.png"));
    SampleImages.writePng(vis, dir.resolve(set + "_Disparity.png"));
    SampleImages.writePng(save, dir.resolve(set + "_Confidence_save.png"));
    SampleImages.writePng(conf, dir.resolve(set + "_Confidence.png"));
  }

  private static BufferedImage raw(int[][] objects, int view, int skyRows) {
    BufferedImage img = SampleImages.canvas(W, RAW_H, new Color(180, 210, 240));
    Graphics2D g = SampleImages.graphics(img);
    g.setColor(new Color(185, 175, 160));
    g.fillRect(0, CROP_TOP + skyRows, W, RAW_H - CROP_TOP - skyRows);
    for (int[] o : objects) {
      g.setColor(new Color(90 + o[3], 60, 50));
      g.fillRect(o[0] - view * o[3], CROP_TOP + CROP_H - 60 - o[2], o[1], o[2]);
    }
    g.dispose();
    return img;
  }

  /** A ZED-style calibration file for the folder's camera. */
  static void writeCalibration(Path file, Random rnd) throws IOException {
    double fx = 1400 + rnd.nextInt(20);
    String text = "[LEFT_CAM_FHD]\nfx=" + fx + "\nfy=" + fx + "\ncx=" + (960 + rnd.nextInt(8)) + ".5\ncy="
        + (540 + rnd.nextInt(8)) + ".25\nk1=-0.1712\nk2=0.0253\n\n[RIGHT_CAM_FHD]\nfx=" + (fx + 1) + "\nfy=" + (fx + 1)
        + "\ncx=958.75\ncy=541.5\nk1=-0.1698\nk2=0.0249\n\n[STEREO]\nBaseline=119.915\nTY=0.0351\nTZ=-0.2104\n"
        + "CV_FHD=0.0012\nRX_FHD=0.0031\nRZ_FHD=-0.0007\n";
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
