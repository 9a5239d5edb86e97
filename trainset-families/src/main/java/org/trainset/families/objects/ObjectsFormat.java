package org.trainset.families.objects;

import java.util.Optional;
import org.trainset.core.spi.DatasetReader;
import org.trainset.core.spi.DatasetWriter;
import org.trainset.core.spi.Format;
import org.trainset.core.spi.FormatDetector;

/**
 * AI Hub Korean object images (families doc §2): one JSON per image with boxes and the 35
 * attributes in three groups (image, object, environment) and an ontology reference per object.
 * The schema is trainset's reading of the manual (unconfirmed publicly); see
 * docs/formats/aihub.objects.md.
 */
public final class ObjectsFormat implements Format {
  public static final String ID = "aihub.objects";

  @Override public String id() { return ID; }
  @Override public String description() {
    return "AI Hub Korean object images: per-image JSON (image/object/environment attributes, ontology references)";
  }
  @Override public FormatDetector detector() { return new ObjectsDetector(); }
  @Override public Optional<DatasetReader> reader() { return Optional.of(new ObjectsReader()); }
  @Override public Optional<DatasetWriter> writer() { return Optional.of(new ObjectsWriter()); }
}
