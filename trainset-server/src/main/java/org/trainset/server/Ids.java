package org.trainset.server;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/** Identifiers and secrets: random ids for rows, random tokens handed to clients, their hashes. */
public final class Ids {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {}

  public static String newId() {
    return UUID.randomUUID().toString();
  }

  /** 256 random bits, URL-safe: session cookies, access tokens, CSRF tokens. */
  public static String newSecret() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  /** What the database keeps of a secret: its SHA-256 (the secret has 256 bits, no salt needed). */
  public static String hashSecret(String secret) {
    return sha256Hex(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  public static String sha256Hex(byte[] bytes) {
    return HexFormat.of().formatHex(sha256().digest(bytes));
  }

  public static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
