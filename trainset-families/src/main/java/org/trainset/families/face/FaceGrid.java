package org.trainset.families.face;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The capture grid a path encodes: resolution / person / session / light / expression / camera. */
record FaceGrid(String resolution, String person, String session, String light, String expression, String camera) {
  static final Pattern PATH = Pattern.compile(
      "(?:.*/)?(High|Middle|Low)_Resolution/(\\d{8})/(S\\d{3})/(L\\d+)/(E\\d{2})/(C\\d+)\\.(?i:jpe?g|png)");

  static FaceGrid parse(String relativePath) {
    Matcher m = PATH.matcher(relativePath.replace('\\', '/'));
    return m.matches() ? new FaceGrid(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), m.group(6)) : null;
  }

  Map<String, Object> attributes() {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("resolution", resolution);
    a.put("person", person);
    a.put("session", session);
    a.put("light", light);
    a.put("expression", expression);
    a.put("camera", camera);
    return a;
  }

  /** Session / light / expression / camera: the cell within one person's grid. */
  String cell() {
    return session + "/" + light + "/" + expression + "/" + camera;
  }
}
