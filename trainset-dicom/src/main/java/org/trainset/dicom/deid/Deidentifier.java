package org.trainset.dicom.deid;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.trainset.core.io.InputException;
import org.trainset.dicom.dict.DicomDictionary;
import org.trainset.dicom.io.DicomElement;
import org.trainset.dicom.io.DicomFile;
import org.trainset.dicom.io.DicomObject;
import org.trainset.dicom.io.Tags;
import org.trainset.dicom.io.Vr;

/**
 * Applies PS3.15 Annex E (Table E.1-1, via {@link RuleTable}) to one file, recursively into
 * sequence items, then the seed policy when asked. Compound actions keep the attribute when the
 * IOD may need it (trainset does not know each IOD's module types): X/Z → Z, X/D and X/Z/D and
 * Z/D → D, X/Z/U* → U for UIDs and sequences (the references are kept with new UIDs) else Z.
 * C (clean) is applied by VR: text through {@link Cleaner}, dates shifted (modified dates) or
 * emptied, UIDs replaced, numbers kept, binary values (curve and overlay data) zeroed, and a
 * sequence kept with the rules applied to its items and its other text cleaned. Private
 * attributes are removed unless Retain Safe Private lists them. Thread-safe: one instance
 * serves a whole run.
 */
public final class Deidentifier {
  static final String SEED_DATE = "19000101";
  private static final DateTimeFormatter DA = DateTimeFormatter.BASIC_ISO_DATE;
  private final DeidConfig config;
  private final RuleTable table = RuleTable.standard();
  private final DicomDictionary dict = DicomDictionary.standard();
  private final UidMapper uids;

  public Deidentifier(DeidConfig config) {
    this.config = config;
    this.uids = new UidMapper(config.key());
  }

  /** A de-identified copy of {@code in} (the input is not changed except for bulk references shared). */
  public DicomFile apply(DicomFile in, DeidLog log) throws InputException {
    DicomObject ds = in.dataset();
    String patient = ds.string(Tags.PATIENT_ID).orElse("");
    int shift = uids.offset(patient, 365);
    String newPatientId = null;
    if (config.profile() == DeidConfig.Profile.SEED) {
      if (config.ids() == null) throw new InputException(in.source(), "deid.ids", "the seed profile needs an id map");
      newPatientId = config.ids().newId(patient).orElseThrow(() -> new InputException(in.source(), "deid.ids",
          "this file's Patient ID (0010,0020) is not in the id map (" + config.ids().size() + " rows)"));
    }
    Cleaner cleaner = new Cleaner();
    if (!config.options().isEmpty()) collectIdentifying(ds, cleaner); // only an option's C cleans text
    DicomObject out = copy(ds, null);
    walk(out, "", new Context(shift, cleaner, log), false);
    if (newPatientId != null) {
      out.putString(Tags.PATIENT_ID, Vr.LO, newPatientId);
      out.putString(Tags.PATIENT_BIRTH_DATE, Vr.DA, SEED_DATE);
      log.add(Tags.format(Tags.PATIENT_ID), "PatientID", "seed:id");
      log.add(Tags.format(Tags.PATIENT_BIRTH_DATE), "PatientBirthDate", "seed:19000101");
    }
    markRemoved(out);
    DicomObject meta = copy(in.meta(), null);
    meta.string(Tags.MEDIA_STORAGE_SOP_INSTANCE_UID).ifPresent(u -> {
      if (!config.options().contains(DeidOption.RETAIN_UIDS)) {
        meta.putString(Tags.MEDIA_STORAGE_SOP_INSTANCE_UID, Vr.UI, uids.map(u));
      }
    });
    meta.remove(0x00020012); // the writer states trainset as the implementation
    meta.remove(0x00020013);
    meta.remove(0x00020016); // source application entity title may name a site
    return new DicomFile(in.source(), null, meta, out, in.transferSyntax());
  }

  private record Context(int shift, Cleaner cleaner, DeidLog log) {}

  /** Before anything changes: the text values the profile takes away are what C must not leave behind. */
  private void collectIdentifying(DicomObject obj, Cleaner cleaner) {
    for (DicomElement e : obj.elements()) {
      if (e.isSequence()) {
        e.items().forEach(i -> collectIdentifying(i, cleaner));
        continue;
      }
      if (!e.vr().isString() || e.vr() == Vr.UI || e.isBulk()) continue;
      String a = actionFor(e, obj);
      if (a != null && !a.equals("K") && !a.equals("C")) obj.string(e.tag()).ifPresent(cleaner::identifying);
    }
  }

  private void walk(DicomObject obj, String path, Context cx, boolean insideClean) {
    for (DicomElement e : new ArrayList<>(obj.elements())) {
      int tag = e.tag();
      String where = path + Tags.format(tag);
      String action = actionFor(e, obj);
      if (action == null) {
        if (insideClean && isText(e)) {
          clean(obj, e, where, cx, true);
          cx.log().add(where, dict.keyword(tag), "C");
        } else {
          recurse(e, where, cx, insideClean);
        }
        continue;
      }
      String keyword = Tags.isPrivate(tag) ? "Private" : dict.keyword(tag);
      switch (action) {
        case "X" -> obj.remove(tag);
        case "Z" -> obj.put(e.isSequence() ? DicomElement.sequence(tag, new ArrayList<>())
            : DicomElement.of(tag, e.vr(), new byte[0]));
        case "D" -> {
          if (e.isSequence()) recurse(e, where, cx, insideClean);
          else obj.put(DicomElement.of(tag, e.vr(), e.vr() == Vr.UI ? mapUids(e) : DummyValues.of(e.vr(), (int) e.length())));
        }
        case "U" -> {
          if (e.isSequence()) recurse(e, where, cx, insideClean);
          else obj.put(DicomElement.of(tag, e.vr(), mapUids(e)));
        }
        case "C" -> clean(obj, e, where, cx, insideClean);
        default -> recurse(e, where, cx, insideClean); // K
      }
      if (config.profile() == DeidConfig.Profile.SEED && !action.equals("X") && (e.vr() == Vr.DA || e.vr() == Vr.DT)) {
        obj.put(DicomElement.of(tag, e.vr(), SEED_DATE.getBytes(StandardCharsets.US_ASCII)));
        action = action + "+seed:19000101";
      }
      cx.log().add(where, keyword, action);
    }
  }

  private void recurse(DicomElement e, String where, Context cx, boolean insideClean) {
    if (!e.isSequence()) return;
    for (int i = 0; i < e.items().size(); i++) walk(e.items().get(i), where + "[" + i + "].", cx, insideClean);
  }

  /** Action C by VR (see the class comment). */
  private void clean(DicomObject obj, DicomElement e, String where, Context cx, boolean insideClean) {
    int tag = e.tag();
    if (e.isSequence()) {
      recurse(e, where, cx, true);
      return;
    }
    if (e.isEncapsulated()) return;
    Vr vr = e.vr();
    boolean modifiedDates = config.options().contains(DeidOption.RETAIN_MODIFIED_DATES);
    switch (vr) {
      case DA, DT -> obj.put(DicomElement.of(tag, vr, modifiedDates ? shifted(e, cx.shift()) : new byte[0]));
      case TM -> { if (!modifiedDates) obj.put(DicomElement.of(tag, vr, new byte[0])); } // a time of day moves with no date shift
      case UI -> obj.put(DicomElement.of(tag, vr, mapUids(e)));
      case AE, AS, CS, LO, LT, PN, SH, ST, UC, UR, UT -> {
        String cleaned = cx.cleaner().clean(obj.string(tag).orElse(""));
        obj.putString(tag, vr, cleaned);
      }
      case OB, OD, OF, OL, OV, OW, UN -> obj.put(DicomElement.of(tag, vr, new byte[(int) Math.min(e.length(), Integer.MAX_VALUE - 16)]));
      default -> { } // numbers (US, SS, UL, SL, FL, FD, DS, IS, AT, SV, UV) carry no identity
    }
  }

  private static boolean isText(DicomElement e) {
    return !e.isSequence() && switch (e.vr()) {
      case LO, LT, PN, SH, ST, UC, UT -> true;
      default -> false;
    };
  }

  /** The resolved single action, or null when Table E.1-1 has no row for the attribute. */
  String actionFor(DicomElement e, DicomObject owner) {
    int tag = e.tag();
    if (config.keep().contains(tag)) return "K";
    if (Tags.isPrivate(tag)) return privateAction(e, owner);
    Optional<RuleTable.Rule> rule = table.find(tag);
    return rule.map(r -> resolve(r.action(config.options()), e)).orElse(null);
  }

  /** Private row: X, or with Retain Safe Private C for the listed attributes (creators kept as K). */
  private String privateAction(DicomElement e, DicomObject owner) {
    String a = resolve(table.privateRule().action(config.options()), e);
    if (!a.equals("C")) return a;
    int tag = e.tag();
    int group = Tags.group(tag);
    if (Tags.isPrivateCreator(tag)) {
      return owner.string(tag).filter(c -> config.safePrivate().hasCreator(c, group)).isPresent() ? "K" : "X";
    }
    int element = Tags.element(tag);
    if (element < 0x1000) return "X"; // not inside a creator's block
    Optional<String> creator = owner.string(group << 16 | element >> 8);
    return creator.filter(c -> config.safePrivate().contains(c, group, element & 0xFF)).isPresent() ? "C" : "X";
  }

  private static String resolve(String a, DicomElement e) {
    return switch (a) {
      case "X/Z" -> "Z";
      case "X/D", "X/Z/D", "Z/D" -> "D";
      case "X/Z/U*" -> e.vr() == Vr.UI || e.isSequence() ? "U" : "Z";
      default -> a;
    };
  }

  private byte[] mapUids(DicomElement e) {
    String raw = new String(e.bytes(), StandardCharsets.US_ASCII).replace("\0", "").trim();
    if (raw.isEmpty()) return new byte[0];
    List<String> out = new ArrayList<>();
    for (String u : raw.split("\\\\", -1)) out.add(u.isBlank() ? "" : uids.map(u));
    return String.join("\\", out).getBytes(StandardCharsets.US_ASCII);
  }

  /** Modified dates: DA and the date of DT moved by the per-patient offset; other VRs emptied. */
  private static byte[] shifted(DicomElement e, int days) {
    if (e.vr() != Vr.DA && e.vr() != Vr.DT) return new byte[0];
    String v = new String(e.bytes(), StandardCharsets.US_ASCII).trim();
    if (v.length() < 8) return new byte[0];
    try {
      String d = LocalDate.parse(v.substring(0, 8), DA).plusDays(days).format(DA);
      return (e.vr() == Vr.DA ? d : d + v.substring(8)).getBytes(StandardCharsets.US_ASCII);
    } catch (DateTimeParseException ex) {
      return new byte[0];
    }
  }

  private void markRemoved(DicomObject ds) {
    ds.putString(Tags.PATIENT_IDENTITY_REMOVED, Vr.CS, "YES");
    // Longitudinal Temporal Information Modified (0028,0303): what happened to dates
    String temporal = config.options().contains(DeidOption.RETAIN_FULL_DATES) && config.profile() == DeidConfig.Profile.BASIC
        ? "UNMODIFIED" : config.options().contains(DeidOption.RETAIN_MODIFIED_DATES) || config.profile() == DeidConfig.Profile.SEED
        ? "MODIFIED" : "REMOVED";
    ds.putString(0x00280303, Vr.CS, temporal);
    // De-identification Method (LO, 1-n): what was applied, with the edition of the table
    List<String> method = new ArrayList<>();
    method.add("trainset " + config.profile().name().toLowerCase() + " profile");
    method.add("PS3.15 " + table.edition() + " Table E.1-1 Basic Profile");
    for (DeidOption o : config.options()) method.add(o.meaning());
    ds.putString(Tags.DEIDENTIFICATION_METHOD, Vr.LO, String.join("\\", method));
    List<DicomObject> codes = new ArrayList<>();
    codes.add(code("113100", "Basic Application Confidentiality Profile"));
    for (DeidOption o : config.options()) codes.add(code(o.code(), o.meaning()));
    ds.putSequence(Tags.DEIDENTIFICATION_METHOD_CODE_SEQUENCE, codes);
  }

  private static DicomObject code(String value, String meaning) {
    DicomObject c = new DicomObject();
    c.putString(0x00080100, Vr.SH, value);
    c.putString(0x00080102, Vr.SH, "DCM");
    c.putString(0x00080104, Vr.LO, meaning);
    return c;
  }

  /** A structural copy (values shared: they are replaced, never mutated). */
  static DicomObject copy(DicomObject src, DicomObject parent) {
    DicomObject o = new DicomObject(parent);
    for (DicomElement e : src.elements()) {
      if (e.isSequence()) {
        List<DicomObject> items = new ArrayList<>();
        for (DicomObject i : e.items()) items.add(copy(i, o));
        o.put(DicomElement.sequence(e.tag(), items));
      } else {
        o.put(e);
      }
    }
    return o;
  }
}
