package org.trainset.dicom.deid;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.trainset.dicom.io.Uids;

/**
 * Replaces UIDs deterministically: {@code 2.25.<decimal>} of HMAC-SHA256(key, uid). The same UID
 * maps to the same new UID across all files and runs with the same key; without the key the
 * original cannot be confirmed by hashing guesses.
 */
public final class UidMapper {
  private final Mac mac;

  public UidMapper(byte[] key) {
    try {
      mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA256"));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  public synchronized String map(String uid) {
    return Uids.fromDigest(mac.doFinal(uid.trim().getBytes(StandardCharsets.US_ASCII)));
  }

  /** A number in [-range, range] derived from {@code text}: per-patient date shifts. */
  public synchronized int offset(String text, int range) {
    byte[] d = mac.doFinal(("offset:" + text).getBytes(StandardCharsets.UTF_8));
    int v = ((d[0] & 0xFF) << 8) | (d[1] & 0xFF);
    return v % (2 * range + 1) - range;
  }
}
