package org.trainset.core.spi;

import java.util.List;
import org.trainset.core.model.DatasetSchema;

/** A dataset's schema and the parts its items are read from. */
public record ReadPlan(DatasetSchema schema, List<ReadPart> parts) {
  public ReadPlan {
    parts = List.copyOf(parts);
  }
}
