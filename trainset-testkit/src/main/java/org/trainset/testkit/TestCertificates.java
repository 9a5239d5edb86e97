package org.trainset.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Self-signed TLS certificates for test servers on this machine, made with the JDK's keytool (Java
 * has no public API to make one): a PKCS12 key store for the server and the certificate as PEM
 * for the client to trust, as an operator's private CA would be.
 */
public final class TestCertificates {
  public static final String PASSWORD = "changeit";

  /** A server's key store and its certificate as PEM. */
  public record Certificate(Path keyStore, Path pem) {}

  private static Certificate greenMail;

  private TestCertificates() {}

  /**
   * A key pair and certificate whose subject alternative names are {@code san} (keytool syntax:
   * {@code ip:127.0.0.1,dns:localhost}), valid for two days, in {@code dir}.
   */
  public static Certificate make(Path dir, String name, String san) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    Path store = dir.resolve(name + ".p12");
    Path pem = dir.resolve(name + ".pem");
    keytool("-genkeypair", "-alias", name, "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-dname", "CN=" + name,
        "-ext", "SAN=" + san, "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
    keytool("-exportcert", "-rfc", "-alias", name, "-keystore", store.toString(), "-storepass", PASSWORD, "-file", pem.toString());
    return new Certificate(store, pem);
  }

  /**
   * The certificate GreenMail's TLS servers (SMTPS, ...) present in this JVM: one for 127.0.0.1.
   * GreenMail reads its key store once per JVM from these system properties; its own certificate
   * names no host, so a client that checks host names (as it must) could not accept it.
   */
  public static synchronized Certificate forGreenMail() throws IOException, InterruptedException {
    if (greenMail == null) {
      Path dir = Files.createTempDirectory("trainset-greenmail-tls");
      greenMail = make(dir, "greenmail", "ip:127.0.0.1");
      // deleted in the reverse order of registration: the files, then the folder
      dir.toFile().deleteOnExit();
      greenMail.keyStore().toFile().deleteOnExit();
      greenMail.pem().toFile().deleteOnExit();
      System.setProperty("greenmail.tls.keystore.file", greenMail.keyStore().toString());
      System.setProperty("greenmail.tls.keystore.password", PASSWORD);
      System.setProperty("greenmail.tls.key.password", PASSWORD);
    }
    return greenMail;
  }

  private static void keytool(String... args) throws IOException, InterruptedException {
    List<String> cmd = new java.util.ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IOException("keytool " + String.join(" ", args) + " failed: " + out);
  }
}
