package org.trainset.inspect.packs;

import static org.trainset.inspect.rules.Items.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.trainset.core.model.*;

/**
 * Small datasets per family in the shape the family packs expect (see docs/rules.md): a clean
 * one, and a defective one with known planted defects.
 */
final class FamilySamples {
  private FamilySamples() {}

  static final List<String> CCTV = List.of("assault", "fight", "burglary", "vandalism", "swoon", "wander",
      "trespass", "dump", "robbery", "datefight", "kidnap", "drunken");

  static List<Item> sidewalk(boolean defects) {
    List<Item> out = new ArrayList<>();
    out.add(image("bbox-1", 1920, 1080, List.of(
        box("1", "person", 100, 100, defects ? 30 : 40, defects ? 20 : 80),
        box("2", "bench", 300, 300, defects ? 60 : 100, defects ? 40 : 70),
        box("3", defects ? "lamp" : "pole", 500, 100, 40, 300),
        box("4", "car", defects ? 1900 : 1800, 500, 100, 60)), "folder_kind", "bbox", "day_night", "night"));
    out.add(image("surface-1", 1920, 1080, List.of(
        rect("s1", "sidewalk", 0, 540, 960, 540, "attribute", defects ? "gravel" : "blocks"),
        rect("s2", "roadway", defects ? 900 : 960, 540, 960, 540, "attribute", "normal"),
        rect("s3", "caution_zone", 200, 700, 80, 80, "attribute", "manhole"),
        rect("s4", "braille_guide_blocks", 400, 540, 25, 540, "attribute", "normal")), "folder_kind", "surface",
        "day_night", "day"));
    List<MediaRef> depth = new ArrayList<>();
    for (String f : List.of("Disparity16", "Disparity", "Confidence_save", "Confidence", "Crop_Left",
        "Crop_Right", "Raw_Left", defects ? "" : "Raw_Right")) {
      if (!f.isEmpty()) depth.add(MediaRef.image("Depth_001/ZED1_KSC_001_" + f + ".png", 1920, 1080));
    }
    out.add(new Item("depth-1", null, depth, map("folder_kind", "depth", "confidence_ratio", defects ? 0.12 : 0.41,
        "calibration", map("baseline", 120.0)), List.of()));
    return out;
  }

  static List<Item> ocr(boolean defects) {
    List<Annotation> anns = new ArrayList<>();
    int words = defects ? 21 : 20;
    for (int i = 0; i < words; i++) anns.add(box("w" + i, "word", 10 + i * 40, 10, 30, 20, "text", "간판" + i));
    anns.add(box("ig", "ignored", 10, 100, 30, 20));
    if (defects) {
      anns.add(box("euro", "word", 10, 200, 30, 20, "text", "5€"));
      anns.add(box("sent", "sentence", 10, 300, 30, 20, "text", "문장"));
    }
    return List.of(image("00000001", 1280, 720, anns));
  }

  static List<Item> corpus(boolean defects) {
    String longKo = String.join(" ", java.util.Collections.nCopies(21, "어절"));
    String shortKo = "짧은 문장";
    List<Item> out = new ArrayList<>();
    Map<String, Integer> plan = new java.util.LinkedHashMap<>();
    plan.put("news", 8);
    plan.put("municipal", 1);
    plan.put("ordinance", 1);
    plan.put("culture", 1);
    plan.put("spoken", 4);
    plan.put("dialogue", 1);
    int n = 0;
    for (var e : plan.entrySet()) {
      for (int i = 0; i < e.getValue(); i++) {
        String domain = defects && n == 0 ? "blog" : e.getKey();
        String src = defects ? shortKo : longKo;
        String tgt = defects && n == 1 ? "" : "an English sentence";
        out.add(new Item("s" + n++, null, List.of(), map("domain", domain),
            List.of(new TextPair(meta(null, ""), src, tgt, "ko", "en"))));
      }
    }
    return out;
  }

  static List<Item> objects(boolean defects) {
    List<Item> out = new ArrayList<>();
    for (int i = 0; i < 18; i++) {
      String cat = i < 13 ? "유적건조물" : i < 17 ? "상품" : "랜드마크";
      List<Annotation> anns = defects && i == 0 ? List.of() : List.of(box("b", "석탑", 10, 10, defects && i == 1 ? 0 : 50, 40,
          "ontology", map("class", "adam:StonePagoda")));
      Object[] env = {"weather", "맑음", "time_of_day", "주간", "season", "여름", "place", "실외", "illumination", "자연광",
          "distance", "원경"};
      Object[] attrs = java.util.Arrays.copyOf(env, env.length + 2);
      attrs[env.length] = "category";
      attrs[env.length + 1] = cat;
      out.add(image("o" + i, 640, 480, anns, defects && i == 2 ? env : attrs));
    }
    return out;
  }

  static List<Item> multimodal(boolean defects) {
    List<Annotation> anns = List.of(
        new TimeEvent(meta("u1", "utterance", "text", "안녕하세요"), 1, defects ? 40 : 5),
        box("p1", "body", 100, 100, 200, 400, "person_id", "P01", "emotion", defects ? "bored" : "happy"),
        defects ? box("p2", "face", 400, 100, 200, 400) : box("p2", "face", 400, 100, 200, 400, "person_id", "P02"));
    return List.of(video("clip-1", 30, anns));
  }

  static List<Item> motion(boolean defects) {
    List<Item> out = new ArrayList<>();
    for (String take : List.of("001", "002")) {
      for (int c = 1; c <= 12; c++) {
        if (defects && take.equals("002") && c == 5) continue;
        String cam = defects && c == 12 && take.equals("001") ? "C13" : "C" + c;
        double[] xy = new double[48];
        int[] vis = new int[24];
        for (int j = 0; j < 24; j++) {
          xy[2 * j] = 10 + j;
          xy[2 * j + 1] = 10 + j;
          vis[j] = j % 3;
        }
        if (defects && c == 1) vis[1] = 3;
        Points kp = new Points(meta("k", "person"), xy, vis);
        out.add(image("28-8-" + take + "-" + cam, 1920, 1080, List.of(kp), "scenario", "28-8", "take", take,
            "camera", cam));
      }
    }
    return out;
  }

  static List<Item> face(boolean defects) {
    List<Item> out = new ArrayList<>(64_800);
    double[] pts = new double[14];
    for (int i = 0; i < 14; i++) pts[i] = 50 + i;
    Points landmarks = new Points(meta("lm", "face"), pts, null);
    Points eight = new Points(meta("lm", "face"), java.util.Arrays.copyOf(pts, 16), null);
    // two people (female 20s, male 30s; the defect makes both female), full grids, sides 256/128/64
    Map<String, Integer> side = Map.of("High", 256, "Middle", 128, "Low", 64);
    for (String person : List.of("19062421", "19062428")) {
      String gender = person.endsWith("21") || defects ? "female" : "male";
      String age = person.endsWith("21") ? "20s" : "30s";
      for (String res : List.of("High", "Middle", "Low")) {
        for (int s = 1; s <= 6; s++) {
          for (int l = 1; l <= 30; l++) {
            for (int e = 1; e <= 3; e++) {
              for (int c = 1; c <= 20; c++) {
                String id = res + "/" + person + "/S00" + s + "/L" + l + "/E0" + e + "/C" + c;
                if (defects && id.equals("Low/19062421/S006/L30/E03/C20")) continue;
                Points p = defects && out.isEmpty() ? eight : landmarks;
                int size = defects && id.equals("Low/19062428/S001/L1/E01/C1") ? 256 : side.get(res);
                out.add(image(id, size, size, List.of(p), "person", person, "resolution", res, "session", "S00" + s,
                    "light", "L" + l, "expression", "E0" + e, "camera", "C" + c, "gender", gender, "age_group", age));
              }
            }
          }
        }
      }
    }
    return out;
  }

  static List<Item> xray(boolean defects) {
    List<Item> out = new ArrayList<>();
    String[] comps = {"Single_Default", "Single_Other", "Multiple_Categories", "Multiple_Other"};
    int[] counts = defects ? new int[] {15, 3, 24, 18} : new int[] {9, 9, 24, 18};
    int n = 0;
    for (int k = 0; k < 4; k++) {
      for (int i = 0; i < counts[k]; i++) {
        String maker = defects && n < 30 ? "Astrophysics" : List.of("Astrophysics", "Rapiscan", "Smith").get(n % 3);
        out.add(image("x" + n++, 800, 600, List.of(rect("g", "Gun", 100, 100, 80, 60)), "maker", maker,
            "sample", comps[k]));
      }
    }
    return out;
  }

  static List<Item> medical(boolean defects) {
    List<Item> out = new ArrayList<>();
    String[] classes = {"malignant", "malignant", "benign", "benign", "normal", "normal", "normal", "normal", "normal", "normal"};
    for (int i = 0; i < classes.length; i++) {
      String cls = defects && i == 4 ? "benign" : classes[i];
      for (String v : List.of("RCC", "LCC", "RMLO", "LMLO")) {
        if (defects && i == 0 && v.equals("LMLO")) continue;
        List<MediaRef> media = List.of(new MediaRef(MediaKind.DICOM, "mammography/P" + i + "/P" + i + "_" + v + ".dcm",
            3328, 4084, Map.of()));
        List<Annotation> anns = (cls.equals("malignant") || (defects && i == 2)) && v.equals("RCC")
            ? List.of(rect("l1", "lesion", 1000, 1000, 200, 150)) : List.of();
        Map<String, Object> attrs = cls.equals("malignant")
            ? map("modality", "mammography", "patient_id", "P" + i, "class", cls, "view", v, "pathology", "IDC, grade 2")
            : map("modality", "mammography", "patient_id", "P" + i, "class", cls, "view", v);
        out.add(new Item("mammography/P" + i + "/P" + i + "_" + v, null, media, attrs, anns));
      }
    }
    return out;
  }

  static List<Item> cctv(boolean defects) {
    List<Item> out = new ArrayList<>();
    for (String cls : CCTV) {
      double seconds = defects && cls.equals("swoon") ? 1000 : 72_000;
      String label = defects && cls.equals("dump") ? "dancing" : cls;
      double end = defects && cls.equals("fight") ? seconds + 60 : seconds;
      out.add(video(cls + "-1", seconds, List.of(new TimeEvent(meta("e", label, "kind", "event"), 0, end))));
    }
    return out;
  }
}
