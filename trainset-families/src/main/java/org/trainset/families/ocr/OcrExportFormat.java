package org.trainset.families.ocr;

import java.util.Optional;
import org.trainset.core.spi.DatasetReader;
import org.trainset.core.spi.DatasetWriter;
import org.trainset.core.spi.Format;
import org.trainset.core.spi.FormatDetector;

/**
 * Write-only exports of OCR annotations for training: {@code aihub.ocr.recognition} (cropped
 * text images + {@code gt.txt}, the input of deep-text-recognition-benchmark's LMDB builder) and
 * {@code aihub.ocr.detection} (ICDAR 2015 per-image ground truth with {@code ###} for ignored
 * regions). Neither is detected or read back.
 */
public class OcrExportFormat implements Format {
  private final boolean recognition;

  public OcrExportFormat() {
    this(true);
  }

  protected OcrExportFormat(boolean recognition) {
    this.recognition = recognition;
  }

  @Override public String id() { return recognition ? "aihub.ocr.recognition" : "aihub.ocr.detection"; }

  @Override public String description() {
    return recognition ? "OCR recognition pairs: crops/<item>_<box>.png + gt.txt (path<TAB>text), export only"
        : "OCR detection boxes: ICDAR 2015 gt_<image>.txt (x1,y1,...,x4,y4,text; ### ignored), export only";
  }

  @Override public FormatDetector detector() { return ctx -> FormatDetector.NONE; }
  @Override public Optional<DatasetReader> reader() { return Optional.empty(); }

  @Override public Optional<DatasetWriter> writer() {
    return Optional.of(recognition ? new OcrRecognitionWriter() : new OcrDetectionWriter());
  }

  /** {@code aihub.ocr.detection}. */
  public static final class Detection extends OcrExportFormat {
    public Detection() { super(false); }
  }
}
