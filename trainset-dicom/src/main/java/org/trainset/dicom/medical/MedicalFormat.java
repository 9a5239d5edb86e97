package org.trainset.dicom.medical;

import java.util.Optional;
import org.trainset.core.spi.DatasetReader;
import org.trainset.core.spi.DatasetWriter;
import org.trainset.core.spi.Format;
import org.trainset.core.spi.FormatDetector;

/** AI Hub medical images: mammography DICOM (4 views per patient) and fundus photographs. */
public final class MedicalFormat implements Format {
  public static final String ID = "aihub.medical";

  @Override public String id() { return ID; }

  @Override public String description() {
    return "AI Hub medical images: mammography DICOM in 4 views + lesion polygons, fundus jpg + metadata CSV";
  }

  @Override public FormatDetector detector() {
    return ctx -> {
      if (!ctx.isDirectory()) return FormatDetector.NONE;
      java.nio.file.Path root = ctx.root();
      boolean cases = java.nio.file.Files.isRegularFile(root.resolve(MedicalLayout.CASES_CSV));
      boolean fundus = java.nio.file.Files.isRegularFile(root.resolve(MedicalLayout.FUNDUS_CSV));
      return cases || fundus ? FormatDetector.CERTAIN : FormatDetector.NONE;
    };
  }

  @Override public Optional<DatasetReader> reader() { return Optional.of(new MedicalReader()); }

  @Override public Optional<DatasetWriter> writer() { return Optional.of(new MedicalWriter()); }
}
