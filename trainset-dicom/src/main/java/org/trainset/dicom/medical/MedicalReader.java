package org.trainset.dicom.medical;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.trainset.core.model.DatasetSchema;
import org.trainset.core.model.Item;
import org.trainset.core.model.LabelDef;
import org.trainset.core.spi.DatasetReader;
import org.trainset.core.spi.ItemCursor;
import org.trainset.core.spi.ReadOptions;
import org.trainset.core.spi.ReadPart;
import org.trainset.core.spi.ReadPlan;

/** Reads the family folder as one part: mammography view images first, then fundus images. */
final class MedicalReader implements DatasetReader {
  static final List<String> LABELS = List.of("malignant", "benign", "normal", "lesion",
      "Normal", "Glaucoma", "AMD", "DMR", "RVO");

  @Override public ReadPlan plan(Path root, ReadOptions options) {
    DatasetSchema schema = new DatasetSchema(MedicalFormat.ID, Map.of("family", "medical"),
        LABELS.stream().map(LabelDef::named).toList(), List.of());
    return new ReadPlan(schema, List.of(new Part(root.toString())));
  }

  /** The whole folder; small metadata, one DICOM header read per view. */
  record Part(String root) implements ReadPart {
    @Override public String describe() { return root; }

    @Override public ItemCursor open(ReadOptions options) throws IOException {
      MedicalScanner.ItemSource items = new MedicalScanner(options.storage().local(root), options.problems(), options.limits()).scan();
      return new ItemCursor() {
        @Override public Item next() throws IOException { return items.next(); }
        @Override public void close() {}
      };
    }
  }
}
