package org.trainset.dicom.io;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** UIDs under the 2.25 root (PS3.5 B.2): the decimal form of a UUID. */
public final class Uids {
  private Uids() {}

  /** {@code 2.25.<decimal>} of a name-based (version 3) UUID: the same name, the same UID. */
  public static String fromName(String name) {
    return fromUuid(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)));
  }

  /** {@code 2.25.<decimal>} built from the first 16 bytes of a digest, marked as a version 8 UUID. */
  public static String fromDigest(byte[] digest) {
    byte[] b = java.util.Arrays.copyOf(digest, 16);
    b[6] = (byte) ((b[6] & 0x0F) | 0x80); // version 8: custom
    b[8] = (byte) ((b[8] & 0x3F) | 0x80); // RFC 4122 variant
    ByteBuffer bb = ByteBuffer.wrap(b);
    return fromUuid(new UUID(bb.getLong(), bb.getLong()));
  }

  public static String fromUuid(UUID u) {
    BigInteger hi = BigInteger.valueOf(u.getMostSignificantBits()).and(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE));
    BigInteger lo = BigInteger.valueOf(u.getLeastSignificantBits()).and(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE));
    return "2.25." + hi.shiftLeft(64).or(lo);
  }

  /** Valid UID syntax: dot-separated numbers without leading zeros, at most 64 characters. */
  public static boolean isValid(String uid) {
    return uid.length() <= 64 && uid.matches("(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*))*");
  }
}
