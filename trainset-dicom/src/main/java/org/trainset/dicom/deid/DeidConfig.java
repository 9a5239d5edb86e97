package org.trainset.dicom.deid;

import java.util.EnumSet;
import java.util.Set;

/**
 * What to do. {@code seed} is the AI Hub seed's policy on top of basic: patient ids from
 * {@code ids}, birth and process dates set to 19000101, device identity kept (view and
 * laterality are not in Table E.1-1 and so are kept by basic too).
 *
 * @param key   HMAC key for UIDs and date offsets: same key, same output
 * @param keep  tags to keep as they are ({@code --keep})
 */
public record DeidConfig(Profile profile, Set<DeidOption> options, Set<Integer> keep, byte[] key,
                         PatientIdMap ids) {
  public enum Profile { BASIC, SEED }

  public DeidConfig {
    options = options.isEmpty() ? EnumSet.noneOf(DeidOption.class) : EnumSet.copyOf(options);
    if (profile == Profile.SEED) options.add(DeidOption.RETAIN_DEVICE_IDENTITY);
    keep = Set.copyOf(keep);
  }

  public static DeidConfig basic(byte[] key) {
    return new DeidConfig(Profile.BASIC, Set.of(), Set.of(), key, null);
  }
}
