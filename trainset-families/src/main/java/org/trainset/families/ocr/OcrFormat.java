package org.trainset.families.ocr;

import java.util.Optional;
import org.trainset.core.spi.DatasetReader;
import org.trainset.core.spi.DatasetWriter;
import org.trainset.core.spi.Format;
import org.trainset.core.spi.FormatDetector;

/**
 * AI Hub Korean OCR (families doc §3): {@code textinthewild_data_info.json} with word /
 * character / ignored boxes over photos, and printed / handwritten crop info files. See
 * docs/formats/aihub.ocr.md.
 */
public final class OcrFormat implements Format {
  public static final String ID = "aihub.ocr";
  static final String WILD_STEM = "textinthewild";
  static final String WILD_FILE = WILD_STEM + "_data_info.json";

  @Override public String id() { return ID; }
  @Override public String description() {
    return "AI Hub Korean OCR: textinthewild_data_info.json (word/character/ignored boxes) + printed/handwritten crops";
  }
  @Override public FormatDetector detector() { return new OcrDetector(); }
  @Override public Optional<DatasetReader> reader() { return Optional.of(new OcrReader()); }
  @Override public Optional<DatasetWriter> writer() { return Optional.of(new OcrWriter()); }
}
