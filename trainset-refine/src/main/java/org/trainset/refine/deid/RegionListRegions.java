package org.trainset.refine.deid;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opencv.core.Mat;
import org.trainset.core.io.InputException;
import org.trainset.core.io.Json;
import org.trainset.core.io.ParseLimits;
import org.trainset.core.model.Item;

/**
 * Regions from a list people edit after review (the review sheet writes one to start from):
 * JSON {@code {"regions":[{"item","x","y","width","height","label","action"}]}} or CSV with the
 * header {@code item,x,y,width,height,label,action} (plain comma-separated cells, no quoting).
 * {@code action} is {@code add} (default: de-identify this region) or {@code remove} (a false hit:
 * other detectors' regions overlapping it by IoU ≥ 0.5 are dropped).
 */
public final class RegionListRegions implements RegionDetector {
  public static final double VETO_IOU = 0.5;

  private final String name;
  private final Map<String, List<Region>> add = new HashMap<>();
  private final Map<String, List<Region>> remove = new HashMap<>();

  public RegionListRegions(Path file) throws IOException {
    this.name = "regions:" + file.getFileName();
    if (!Files.isRegularFile(file)) throw new InputException(file, "regions-missing", "region list not found");
    if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) readCsv(file); else readJson(file);
  }

  @Override public String name() {
    return name;
  }

  @Override public List<Region> detect(Item item, String mediaPath, Path file, Mat image) {
    return add.getOrDefault(item.id(), List.of());
  }

  /** Regions marked as false hits for {@code itemId}. */
  public List<Region> vetoes(String itemId) {
    return remove.getOrDefault(itemId, List.of());
  }

  private void put(String item, Region r, String action, Path file, long line) throws InputException {
    switch (action == null || action.isEmpty() ? "add" : action) {
      case "add" -> add.computeIfAbsent(item, k -> new ArrayList<>()).add(r);
      case "remove" -> remove.computeIfAbsent(item, k -> new ArrayList<>()).add(r);
      default -> throw new InputException(file, line, -1, item, "regions-action", "action must be add or remove, got '" + action + "'", null);
    }
  }

  private void readJson(Path file) throws IOException {
    JsonNode root;
    try {
      ParseLimits limits = ParseLimits.DEFAULT;
      limits.checkFileSize(file);
      root = Json.mapper(limits).readTree(file.toFile());
    } catch (JsonProcessingException e) {
      throw Json.inputError(file, e);
    }
    JsonNode list = root == null ? null : root.get("regions");
    if (list == null || !list.isArray()) throw new InputException(file, "regions-format", "expected an object with a 'regions' array");
    for (int k = 0; k < list.size(); k++) {
      JsonNode n = list.get(k);
      String where = "regions[" + k + "]";
      String item = text(n, "item", file, where);
      int x = integer(n, "x", file, where), y = integer(n, "y", file, where);
      int w = integer(n, "width", file, where), h = integer(n, "height", file, where);
      if (w <= 0 || h <= 0) throw InputException.atItem(file, item, "regions-size", where + ": width and height must be positive");
      String label = n.hasNonNull("label") ? n.get("label").asText() : "region";
      put(item, new Region(x, y, w, h, label, name), n.hasNonNull("action") ? n.get("action").asText() : null, file, -1);
    }
  }

  private static String text(JsonNode n, String f, Path file, String where) throws InputException {
    JsonNode v = n.get(f);
    if (v == null || !(v.isTextual() || v.isNumber())) throw new InputException(file, "regions-format", where + ": missing '" + f + "'");
    return v.asText();
  }

  private static int integer(JsonNode n, String f, Path file, String where) throws InputException {
    JsonNode v = n.get(f);
    if (v == null || !v.isNumber()) throw new InputException(file, "regions-format", where + ": '" + f + "' must be a number");
    return (int) Math.round(v.asDouble());
  }

  private void readCsv(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    if (lines.isEmpty()) throw new InputException(file, 1, 1, "regions-header", "empty file");
    String[] head = lines.get(0).replace("\uFEFF", "").split(",", -1);
    Map<String, Integer> col = new HashMap<>();
    for (int i = 0; i < head.length; i++) col.put(head[i].strip().toLowerCase(Locale.ROOT), i);
    for (String need : List.of("item", "x", "y", "width", "height")) {
      if (!col.containsKey(need)) throw new InputException(file, 1, 1, "regions-header", "header lacks '" + need + "'");
    }
    for (int ln = 1; ln < lines.size(); ln++) {
      if (lines.get(ln).isBlank()) continue;
      String[] c = lines.get(ln).split(",", -1);
      long line = ln + 1;
      try {
        String item = c[col.get("item")].strip();
        int x = (int) Math.round(Double.parseDouble(c[col.get("x")].strip()));
        int y = (int) Math.round(Double.parseDouble(c[col.get("y")].strip()));
        int w = (int) Math.round(Double.parseDouble(c[col.get("width")].strip()));
        int h = (int) Math.round(Double.parseDouble(c[col.get("height")].strip()));
        if (w <= 0 || h <= 0) throw new InputException(file, line, -1, "regions-size", "width and height must be positive");
        String label = col.containsKey("label") && col.get("label") < c.length ? c[col.get("label")].strip() : "region";
        String action = col.containsKey("action") && col.get("action") < c.length ? c[col.get("action")].strip() : null;
        put(item, new Region(x, y, w, h, label.isEmpty() ? "region" : label, name), action, file, line);
      } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
        throw new InputException(file, line, -1, "regions-format", "bad row: " + e.getMessage());
      }
    }
  }
}
