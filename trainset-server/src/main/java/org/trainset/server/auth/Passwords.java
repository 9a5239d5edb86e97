package org.trainset.server.auth;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/** Argon2id password hashes in PHC string form, at OWASP's minimum cost (m=19 MiB, t=2, p=1). */
public final class Passwords {
  private static final Argon2Function ARGON2ID = Argon2Function.getInstance(19 * 1024, 2, 1, 32, Argon2.ID);

  private Passwords() {}

  public static String hash(String password) {
    return Password.hash(password).addRandomSalt(16).with(ARGON2ID).getResult();
  }

  public static boolean verify(String password, String phc) {
    return Password.check(password, phc).with(Argon2Function.getInstanceFromHash(phc));
  }
}
