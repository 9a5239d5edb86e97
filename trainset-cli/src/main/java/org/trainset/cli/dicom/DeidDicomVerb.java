package org.trainset.cli.dicom;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.trainset.cli.Json;
import org.trainset.cli.LimitOptions;
import org.trainset.cli.OutputOptions;
import org.trainset.cli.ProgressBar;
import org.trainset.cli.UsageException;
import org.trainset.cli.Verb;
import org.trainset.cli.groups.DeidGroup;
import org.trainset.dicom.deid.DeidConfig;
import org.trainset.dicom.deid.DeidOption;
import org.trainset.dicom.deid.DeidRun;
import org.trainset.dicom.deid.DeidSummary;
import org.trainset.dicom.deid.PatientIdMap;
import org.trainset.dicom.deid.SafePrivate;
import org.trainset.dicom.dict.DicomDictionary;
import org.trainset.dicom.io.Tags;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "dicom", mixinStandardHelpOptions = true,
    description = {"De-identify DICOM files with the PS3.15 Annex E Basic Profile and its options (Table E.1-1,",
        "edition " + DeidDicomVerb.EDITION + ", all rows, applied recursively; private tags removed; UIDs replaced",
        "consistently) or the AI Hub seed policy. A DICOMDIR's records are de-identified and its offsets rewritten.",
        "Writes OUT atomically with deid-log.jsonl (tag, action per file) and deid-summary.json."})
public final class DeidDicomVerb implements Verb {
  /** The table's edition, for --help (annotations need a constant; RuleTableTest keeps them equal). */
  static final String EDITION = "2026d";
  @Spec CommandSpec spec;
  @Mixin OutputOptions output;
  @Mixin LimitOptions limits;
  @Parameters(paramLabel = "IN", description = "A DICOM file or a folder of them.") Path in;
  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (replaced atomically).") Path out;
  @Option(names = "--profile", defaultValue = "basic", paramLabel = "basic|seed",
      description = "basic (PS3.15 E.1) or seed (basic + class-based patient ids, dates 19000101, device kept).") String profile;
  @Option(names = "--ids", paramLabel = "MAP.csv",
      description = "Patient id map for --profile seed: patient_id,new_id or patient_id,class (malignant|benign|normal).") Path ids;
  @Option(names = "--keep", paramLabel = "TAG", split = ",",
      description = "Keep these attributes unchanged: (gggg,eeee), ggggeeee or a keyword.") List<String> keep = List.of();
  @Option(names = "--key", paramLabel = "TEXT", description = "Secret for UID replacement and date shifts (same key, same output).") String key;
  @Option(names = "--key-file", paramLabel = "FILE", description = "Read the secret from a file.") Path keyFile;
  @Option(names = "--rename", description = "Name outputs <new SOP Instance UID>.dcm (names may hold PHI).") boolean rename;
  @Option(names = "--threads", paramLabel = "N", description = "Files processed at once (default: the number of cores).")
  int threads = Runtime.getRuntime().availableProcessors();
  @Option(names = "--retain-uids", description = "Retain UIDs Option.") boolean retainUids;
  @Option(names = "--retain-device-identity", description = "Retain Device Identity Option.") boolean retainDevice;
  @Option(names = "--retain-institution-identity", description = "Retain Institution Identity Option.") boolean retainInstitution;
  @Option(names = "--retain-patient-characteristics", description = "Retain Patient Characteristics Option.") boolean retainPatientChars;
  @Option(names = "--retain-full-dates", description = "Retain Longitudinal Temporal Information Full Dates Option.") boolean retainFullDates;
  @Option(names = "--retain-modified-dates", description = "Retain Longitudinal Temporal Information Modified Dates Option (dates shifted per patient).") boolean retainModifiedDates;
  @Option(names = "--retain-safe-private", paramLabel = "LIST.csv",
      description = "Retain Safe Private Option: keep the private attributes listed as private_creator,group,element (hex).") Path safePrivate;
  @Option(names = "--clean-descriptors", description = "Clean Descriptors Option: keep descriptions with this file's identifying values, dates and long numbers removed.") boolean cleanDescriptors;
  @Option(names = "--clean-structured-content", description = "Clean Structured Content Option: keep SR content and acquisition context, cleaned.") boolean cleanStructured;
  @Option(names = "--clean-graphics", description = "Clean Graphics Option: keep overlays and curves with their bitmaps zeroed and their text cleaned.") boolean cleanGraphics;

  @Override public Class<?> group() {
    return DeidGroup.class;
  }

  @Override public Integer call() throws Exception {
    DeidConfig.Profile p = switch (profile) {
      case "basic" -> DeidConfig.Profile.BASIC;
      case "seed" -> DeidConfig.Profile.SEED;
      default -> throw new UsageException("--profile must be basic or seed, not '" + profile + "'");
    };
    if (p == DeidConfig.Profile.SEED && ids == null) throw new UsageException("--profile seed needs --ids MAP.csv");
    if (!Files.exists(in)) throw new java.nio.file.NoSuchFileException(in.toString());
    Set<DeidOption> opts = EnumSet.noneOf(DeidOption.class);
    if (retainUids) opts.add(DeidOption.RETAIN_UIDS);
    if (retainDevice) opts.add(DeidOption.RETAIN_DEVICE_IDENTITY);
    if (retainInstitution) opts.add(DeidOption.RETAIN_INSTITUTION_IDENTITY);
    if (retainPatientChars) opts.add(DeidOption.RETAIN_PATIENT_CHARACTERISTICS);
    if (retainFullDates && retainModifiedDates) throw new UsageException("choose one of --retain-full-dates and --retain-modified-dates");
    if (retainFullDates) opts.add(DeidOption.RETAIN_FULL_DATES);
    if (retainModifiedDates) opts.add(DeidOption.RETAIN_MODIFIED_DATES);
    if (safePrivate != null) opts.add(DeidOption.RETAIN_SAFE_PRIVATE);
    if (cleanDescriptors) opts.add(DeidOption.CLEAN_DESCRIPTORS);
    if (cleanStructured) opts.add(DeidOption.CLEAN_STRUCTURED_CONTENT);
    if (cleanGraphics) opts.add(DeidOption.CLEAN_GRAPHICS);
    DeidConfig config = new DeidConfig(p, opts, keepTags(), secret(), ids == null ? null : PatientIdMap.load(ids),
        safePrivate == null ? null : SafePrivate.load(safePrivate));
    var err = spec.commandLine().getErr();
    if (key == null && keyFile == null) {
      err.println("trainset deid dicom: no --key given; UIDs are replaced with a fixed default key, so anyone with trainset can"
          + " confirm a guessed UID. Pass --key or --key-file for real releases.");
    }
    DeidSummary s;
    try {
      s = new DeidRun(config, rename, threads, limits.readOptions().limits()).run(in, out, ProgressBar.forTerminal(err, output));
    } catch (DeidRun.OutputOverlapsInput e) {
      throw new UsageException("--out: " + e.getMessage());
    }
    var o = spec.commandLine().getOut();
    if (output.json) {
      var root = Json.object();
      root.put("out", out.toString()).put("profile", s.profile()).put("files", s.files()).put("skipped", s.skipped())
          .put("bytesIn", s.bytesIn()).put("bytesOut", s.bytesOut());
      var arr = root.putArray("options");
      s.options().forEach(arr::add);
      root.set("actions", Json.fromMap(new java.util.TreeMap<String, Object>(s.actions())));
      o.println(Json.write(root));
    } else {
      o.printf("de-identified %d files (%s profile) into %s; %d non-DICOM files skipped; actions %s%n",
          s.files(), s.profile(), out, s.skipped(), s.actions());
    }
    return 0;
  }

  private byte[] secret() throws java.io.IOException {
    if (key != null && keyFile != null) throw new UsageException("give --key or --key-file, not both");
    if (keyFile != null) return Files.readAllBytes(keyFile);
    return (key == null ? "trainset-default-deid-key" : key).getBytes(StandardCharsets.UTF_8);
  }

  private Set<Integer> keepTags() {
    Set<Integer> tags = new HashSet<>();
    for (String k : keep) {
      try {
        tags.add(Tags.parse(k));
      } catch (IllegalArgumentException e) {
        tags.add(DicomDictionary.standard().byKeyword(k)
            .orElseThrow(() -> new UsageException("--keep: '" + k + "' is neither a tag nor a DICOM keyword")).tag());
      }
    }
    return tags;
  }
}
