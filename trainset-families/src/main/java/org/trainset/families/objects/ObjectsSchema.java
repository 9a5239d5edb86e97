package org.trainset.families.objects;

import java.util.List;

/**
 * The 35 attributes in their three groups, as trainset lays them out (the manual names the
 * groups and the count, not the keys; see docs/formats/aihub.objects.md).
 */
public final class ObjectsSchema {
  private ObjectsSchema() {}

  /** Image attributes (12); file_name, width and height become the item's media. */
  public static final List<String> IMAGE = List.of("file_name", "width", "height", "format", "file_size",
      "category", "sub_category", "capture_date", "device", "collection", "license", "deidentified");
  /** Object attributes (13); id, label and bbox become the box, the rest its attributes. */
  public static final List<String> OBJECT = List.of("id", "label", "label_en", "bbox", "ontology", "view",
      "truncated", "occluded", "color", "material", "shape", "part", "condition");
  /** Environment attributes (10). */
  public static final List<String> ENVIRONMENT = List.of("location", "address", "latitude", "longitude",
      "weather", "time_of_day", "season", "place", "illumination", "distance");

  /** Keys of the ontology reference object. */
  public static final List<String> ONTOLOGY = List.of("class", "instance", "uri");
}
