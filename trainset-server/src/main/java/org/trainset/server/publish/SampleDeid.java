package org.trainset.server.publish;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.trainset.core.io.AtomicOutput;
import org.trainset.core.progress.Progress;
import org.trainset.core.spi.ReadOptions;
import org.trainset.formats.trainset.TrainsetFormat;
import org.trainset.publish.Release;
import org.trainset.refine.deid.AnnotationRegions;
import org.trainset.refine.deid.ImageDeid;
import org.trainset.refine.deid.Method;
import org.trainset.server.http.Http;

/**
 * De-identification of a release's public sample with the refine stage's {@link ImageDeid}: for
 * families that show people or vehicles, the regions annotated with a face or plate label are
 * blurred in the sample's images before the checksums are taken. Detections come from the
 * annotations (the builders already fixed misses by hand, as the seed describes), so the result is
 * the same on every machine. Families that publish faces as the data itself (Korean faces) are
 * not blurred: they are released only with consent.
 */
final class SampleDeid {
  /** Families whose samples are de-identified. */
  static final Set<String> FAMILIES = Set.of("aihub.sidewalk", "aihub.objects", "aihub.cctv", "aihub.multimodal");
  /** Labels whose regions are blurred. */
  static final Set<String> LABELS = Set.of("face", "faces", "person_face", "head", "license_plate", "licence_plate",
      "licenseplate", "plate", "car_plate", "number_plate");

  private SampleDeid() {}

  /** The treatment for {@code family}, or null when its samples are published as they are. */
  static Release.SampleTreatment forFamily(String family, Path workDir) {
    if (!FAMILIES.contains(family)) return null;
    return sampleDir -> run(sampleDir, workDir);
  }

  private static ObjectNode run(Path sampleDir, Path workDir) throws IOException {
    TrainsetFormat nativeFormat = new TrainsetFormat();
    Files.createDirectories(workDir);
    Path out = workDir.resolve("sample-deid");
    ImageDeid.Options options = new ImageDeid.Options(List.of(new AnnotationRegions(LABELS)), null, Method.BLUR, false);
    ImageDeid.Outcome o = ImageDeid.run(nativeFormat, sampleDir, nativeFormat, out, workDir.resolve("deid-log.json"), null,
        workDir.resolve("deid-regions.json"), options, ReadOptions.defaults(), Progress.NONE);
    AtomicOutput.deleteRecursively(sampleDir);
    Files.move(out, sampleDir);
    ObjectNode json = Http.object().put("method", "blur").put("detector", "annotation");
    json.set("labels", Http.MAPPER.valueToTree(new java.util.TreeSet<>(LABELS)));
    json.put("images", o.images()).put("imagesChanged", o.changed()).put("regions", o.regions());
    return json;
  }
}
