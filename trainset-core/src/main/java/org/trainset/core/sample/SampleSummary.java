package org.trainset.core.sample;

import java.util.List;
import java.util.Map;

/**
 * What a generator wrote: counts a re-import must reproduce, and the defects it planted
 * (rule-like ids with the item they are in) so inspection tests can check they are found.
 */
public record SampleSummary(String formatId, long items, long annotations, Map<String, Long> byType,
                            List<PlantedDefect> defects) {
  public SampleSummary {
    byType = Map.copyOf(byType);
    defects = List.copyOf(defects);
  }

  public record PlantedDefect(String kind, String item, String detail) {}
}
