package org.trainset.dicom.deid;

import java.util.EnumSet;
import java.util.Set;

/**
 * What to do. {@code seed} is the AI Hub seed's policy on top of basic: patient ids from
 * {@code ids}, birth and process dates set to 19000101, device identity kept (view and
 * laterality are not in Table E.1-1 and so are kept by basic too).
 *
 * @param key         HMAC key for UIDs and date offsets: same key, same output
 * @param keep        tags to keep as they are
 * @param safePrivate the private attributes Retain Safe Private keeps (empty: none)
 */
public record DeidConfig(Profile profile, Set<DeidOption> options, Set<Integer> keep, byte[] key,
                         PatientIdMap ids, SafePrivate safePrivate) {
  public enum Profile { BASIC, SEED }

  public DeidConfig {
    options = options.isEmpty() ? EnumSet.noneOf(DeidOption.class) : EnumSet.copyOf(options);
    if (profile == Profile.SEED) options.add(DeidOption.RETAIN_DEVICE_IDENTITY);
    keep = Set.copyOf(keep);
    if (safePrivate == null) safePrivate = SafePrivate.none();
    if (options.contains(DeidOption.RETAIN_FULL_DATES) && options.contains(DeidOption.RETAIN_MODIFIED_DATES)) {
      throw new IllegalArgumentException("the two Retain Longitudinal Temporal Information options exclude each other (PS3.15 E.3.6)");
    }
  }

  public DeidConfig(Profile profile, Set<DeidOption> options, Set<Integer> keep, byte[] key, PatientIdMap ids) {
    this(profile, options, keep, key, ids, SafePrivate.none());
  }

  public static DeidConfig basic(byte[] key) {
    return new DeidConfig(Profile.BASIC, Set.of(), Set.of(), key, null);
  }
}
