package org.trainset.families.xray;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.trainset.core.convert.LossReport;
import org.trainset.core.model.Annotation;
import org.trainset.core.model.AnnotationType;
import org.trainset.core.model.Box;
import org.trainset.core.model.DatasetSchema;
import org.trainset.core.model.Item;
import org.trainset.core.model.Polygon;
import org.trainset.core.spi.DatasetReader;
import org.trainset.core.spi.DatasetWriter;
import org.trainset.core.spi.Format;
import org.trainset.core.spi.FormatDetector;
import org.trainset.core.spi.ItemSink;
import org.trainset.core.spi.WriteOptions;

/**
 * Write-only export {@code aihub.xray.voc}: Pascal VOC with one box per object, as the release's
 * VOC files are. The generic {@code voc} writer would turn each polygon into a box too (and the
 * object's VOC box into a part); here a polygon whose group already has a box is left out
 * (declared on the loss report), a polygon without one becomes its bounding box, and the rest is
 * the {@code voc} writer's.
 */
public final class XrayVocExport implements Format {
  public static final String ID = "aihub.xray.voc";

  @Override public String id() { return ID; }
  @Override public String description() { return "Pascal VOC export of aihub.xray: one box per object (write only)"; }
  @Override public FormatDetector detector() { return ctx -> FormatDetector.NONE; }
  @Override public Optional<DatasetReader> reader() { return Optional.empty(); }

  @Override public Optional<DatasetWriter> writer() {
    return Optional.of((outDir, schema, options, loss) -> open(outDir, schema, options, loss));
  }

  private static ItemSink open(Path outDir, DatasetSchema schema, WriteOptions options, LossReport loss) throws IOException {
    ItemSink voc = XrayPart.VOC.writer().orElseThrow().open(outDir, schema, options, loss);
    return new ItemSink() {
      @Override public void accept(Item item) throws IOException {
        voc.accept(item.withAnnotations(boxesOnly(item.annotations(), loss)));
      }

      @Override public void commit() throws IOException {
        voc.commit();
      }

      @Override public void close() throws IOException {
        voc.close();
      }
    };
  }

  static List<Annotation> boxesOnly(List<Annotation> anns, LossReport loss) {
    Set<Integer> boxed = new HashSet<>();
    for (Annotation a : anns) {
      if (a instanceof Box b && b.meta().group() != null) boxed.add(b.meta().group());
    }
    List<Annotation> out = new ArrayList<>();
    for (Annotation a : anns) {
      if (a instanceof Polygon p && p.meta().group() != null && boxed.contains(p.meta().group())) {
        loss.dropped(AnnotationType.POLYGON, null, "its object's VOC box is written");
        continue;
      }
      out.add(a);
    }
    return out;
  }
}
