package org.trainset.families.xray;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The 38 released categories with their original ids 1–41 (14, 35 and 40 unused) and original
 * spellings ({@code PrtableGas}, {@code SupplymentaryBattery}). Ids are inferred from public code
 * that remaps them to 0–37 (see docs/formats/aihub.xray.md).
 */
public final class XrayCategories {
  private XrayCategories() {}

  public static final Map<Integer, String> BY_ID;

  static {
    String[] first = {"Aerosol", "Alcohol", "Awl", "Axe", "Bat", "Battery", "Bullet", "Firecracker", "Gun", "GunParts",
        "Hammer", "HandCuffs", "HDD"};
    String[] second = {"Knife", "Laptop", "Lighter", "Liquid", "Match", "MetalPipe", "NailClippers", "PrtableGas", "Saw",
        "Scissors", "Screwdriver", "SmartPhone", "SolidFuel", "Spanner", "SSD", "SupplymentaryBattery", "TabletPC",
        "Thinner", "USB", "ZippoOil"};
    String[] third = {"Plier", "Chisel", "Electronic cigarettes", "Electronic cigarettes(Liquid)"};
    Map<Integer, String> m = new LinkedHashMap<>();
    for (int i = 0; i < first.length; i++) m.put(1 + i, first[i]);
    for (int i = 0; i < second.length; i++) m.put(15 + i, second[i]);
    for (int i = 0; i < third.length; i++) m.put(36 + i, third[i]);
    m.put(41, "Throwing Knife");
    BY_ID = Collections.unmodifiableMap(m);
  }

  public static int idOf(String name) {
    for (Map.Entry<Integer, String> e : BY_ID.entrySet()) {
      if (e.getValue().equals(name)) return e.getKey();
    }
    throw new IllegalArgumentException("no X-ray category " + name);
  }
}
