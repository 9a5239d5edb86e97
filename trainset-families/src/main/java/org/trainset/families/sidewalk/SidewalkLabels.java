package org.trainset.families.sidewalk;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The guideline's label sets (families doc §4). */
public final class SidewalkLabels {
  private SidewalkLabels() {}

  /** The 29 obstacle labels of the box and polygon folders: 13 moving, then 16 fixed. */
  public static final List<String> OBSTACLES = List.of("person", "car", "bus", "truck", "bicycle", "motorcycle",
      "scooter", "stroller", "wheelchair", "dog", "cat", "movable_signage", "carrier", "tree_trunk",
      "potted_plant", "traffic_light", "traffic_sign", "pole", "bench", "chair", "table", "stop", "kiosk",
      "fire_hydrant", "parking_meter", "bollard", "barricade", "power_controller", "traffic_light_controller");

  /** Surface labels and the values of their attribute (bike_lane has none). */
  public static final Map<String, List<String>> SURFACES;

  static {
    Map<String, List<String>> m = new LinkedHashMap<>();
    m.put("alley", List.of("crosswalk", "damaged", "normal", "speed_bump"));
    m.put("bike_lane", List.of());
    m.put("braille_guide_blocks", List.of("damaged", "normal"));
    m.put("caution_zone", List.of("grating", "manhole", "repair_zone", "stairs", "tree_zone"));
    m.put("roadway", List.of("crosswalk", "normal"));
    m.put("sidewalk", List.of("asphalt", "blocks", "cement", "damaged", "other", "soil_stone", "urethane"));
    SURFACES = java.util.Collections.unmodifiableMap(m);
  }
}
