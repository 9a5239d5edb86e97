package org.trainset.server.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.testkit.TestCertificates;

/**
 * The mailer against a real SMTP server (GreenMail, in-process) in each security mode: AUTH with
 * the right and a wrong password, SMTPS trusted through a CA file (a private CA) and refused
 * without it or for another host name, STARTTLS required against a server that does not offer it
 * (GreenMail 2.1 has no STARTTLS, so its plain SMTP is that server). Every failure is one line
 * naming the server and the cause, never the password.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SmtpMailerTest {
  static final String FROM = "trainset@example.org";
  static final String TO = "reviewer@lab.example";
  static final String PASSWORD = "s3cret-smtp-pass";
  GreenMail smtp;
  TestCertificates.Certificate cert;
  @TempDir Path tmp;

  @BeforeAll void start() throws Exception {
    cert = TestCertificates.forGreenMail();
    smtp = new GreenMail(new ServerSetup[] {setup(ServerSetup.PROTOCOL_SMTP), setup(ServerSetup.PROTOCOL_SMTPS)});
    smtp.start();
    smtp.setUser(FROM, "trainset", PASSWORD);
  }

  /** A free port on 127.0.0.1; a busy machine may need more than GreenMail's 2 s to start. */
  static ServerSetup setup(String protocol) {
    ServerSetup s = new ServerSetup(0, "127.0.0.1", protocol);
    s.setServerStartupTimeout(30_000);
    return s;
  }

  @AfterAll void stop() {
    smtp.stop();
  }

  @BeforeEach void empty() throws Exception {
    smtp.purgeEmailFromAllMailboxes();
  }

  int plainPort() { return smtp.getSmtp().getPort(); }
  int tlsPort() { return smtp.getSmtps().getPort(); }

  void send(SmtpSettings s) throws Mailer.MailException {
    new SmtpMailer(s).send(TO, "[trainset] reminder", "a request waits");
  }

  Mailer.MailException refused(SmtpSettings s) {
    Mailer.MailException e = assertThrows(Mailer.MailException.class, () -> send(s));
    String m = e.getMessage();
    assertFalse(m.contains("\n") || m.contains("\r"), "one line: " + m);
    assertFalse(m.contains(PASSWORD), "never the password: " + m);
    assertTrue(m.startsWith("mail to " + TO + " via " + s.server() + ": "), m);
    assertEquals(0, smtp.getReceivedMessages().length, "nothing sent");
    return e;
  }

  @Test void authenticatesWithTheRightPasswordAndSaysAuthenticationFailedWithAWrongOne() throws Exception {
    SmtpSettings plain = SmtpSettings.of("127.0.0.1", plainPort(), FROM, SmtpSettings.Security.NONE);
    String m = refused(plain.withLogin("trainset", "wrong-password")).getMessage();
    assertTrue(m.contains("smtp://trainset@127.0.0.1:" + plainPort() + " (none): authentication failed for user 'trainset'"), m);
    assertTrue(m.contains("535"), "the server's reply: " + m);
    Mailer.MailException atStart = assertThrows(Mailer.MailException.class, () -> new SmtpMailer(plain.withLogin("trainset", "wrong-password")).check());
    assertTrue(atStart.getMessage().contains("authentication failed"), atStart.getMessage());

    new SmtpMailer(plain.withLogin("trainset", PASSWORD)).check();
    send(plain.withLogin("trainset", PASSWORD));
    assertEquals(1, smtp.getReceivedMessages().length);
    assertEquals(TO, smtp.getReceivedMessages()[0].getAllRecipients()[0].toString());
    assertEquals("a request waits", GreenMailUtil.getBody(smtp.getReceivedMessages()[0]).strip());
  }

  @Test void smtpsWithThePrivateCaDeliversAndIsRefusedWithoutIt() throws Exception {
    SmtpSettings tls = SmtpSettings.of("127.0.0.1", tlsPort(), FROM, SmtpSettings.Security.TLS).withLogin("trainset", PASSWORD);
    String m = refused(tls).getMessage();
    assertTrue(m.contains("(tls): TLS: the server's certificate is not trusted by the JVM's CAs"), m);

    // another CA is not this server's either
    TestCertificates.Certificate other = TestCertificates.make(tmp, "other", "ip:127.0.0.1");
    m = refused(tls.withTrust(SmtpTrust.fromPem(other.pem()))).getMessage();
    assertTrue(m.contains("not trusted by the CAs of " + other.pem()), m);

    SmtpTrust ca = SmtpTrust.fromPem(cert.pem());
    send(tls.withTrust(ca));
    assertEquals(1, smtp.getReceivedMessages().length);
    assertEquals(TO, smtp.getReceivedMessages()[0].getAllRecipients()[0].toString());
  }

  @Test void aTrustedCertificateForAnotherHostIsRefused() throws Exception {
    // GreenMail has one key store per JVM, so a TLS server of the test's own presents the other
    // certificate: trusted (its CA file is given) but made for mail.other.example, not 127.0.0.1
    TestCertificates.Certificate other = TestCertificates.make(tmp, "mail.other.example", "dns:mail.other.example");
    java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
    try (var in = java.nio.file.Files.newInputStream(other.keyStore())) {
      ks.load(in, TestCertificates.PASSWORD.toCharArray());
    }
    var kmf = javax.net.ssl.KeyManagerFactory.getInstance(javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, TestCertificates.PASSWORD.toCharArray());
    var ctx = javax.net.ssl.SSLContext.getInstance("TLS");
    ctx.init(kmf.getKeyManagers(), null, null);
    try (var server = ctx.getServerSocketFactory().createServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      // serve every connection until closed: a client that tries again must not wait for a timeout
      Thread accept = new Thread(() -> {
        while (!server.isClosed()) {
          try (var s = (javax.net.ssl.SSLSocket) server.accept()) {
            s.setSoTimeout(10_000);
            s.startHandshake();
            s.getOutputStream().write("220 mail.other.example ESMTP\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            s.getInputStream().read();
          } catch (java.io.IOException expected) {
            // the client aborts the handshake, or the server socket was closed
          }
        }
      });
      accept.start();
      String m = refused(SmtpSettings.of("127.0.0.1", server.getLocalPort(), FROM, SmtpSettings.Security.TLS)
          .withTrust(SmtpTrust.fromPem(other.pem()))).getMessage();
      assertTrue(m.contains("TLS: the server's certificate does not name 127.0.0.1"), m);
      server.close();
      accept.join(10_000);
    }
  }

  @Test void startTlsRequiredRefusesAServerThatDoesNotOfferIt() {
    // GreenMail's SMTP answers EHLO without STARTTLS: the mailer stops there, before AUTH and MAIL
    SmtpSettings startTls = SmtpSettings.of("127.0.0.1", plainPort(), FROM, SmtpSettings.Security.STARTTLS).withLogin("trainset", PASSWORD);
    String m = refused(startTls).getMessage();
    assertTrue(m.contains("smtp://trainset@127.0.0.1:" + plainPort() + " (starttls): the server does not offer STARTTLS"), m);
    assertTrue(m.contains("nothing was sent"), m);
  }

  @Test void tlsAgainstAPlainPortAndNobodyListeningSayWhat() throws Exception {
    String m = refused(SmtpSettings.of("127.0.0.1", plainPort(), FROM, SmtpSettings.Security.TLS)).getMessage();
    assertTrue(m.contains("TLS handshake failed") && m.contains("port " + plainPort()), m);
    int closed;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }
    m = refused(SmtpSettings.of("127.0.0.1", closed, FROM, SmtpSettings.Security.NONE)).getMessage();
    assertTrue(m.endsWith("(none): connection refused"), m);
  }

  @Test void settingsRefuseAPasswordInClearToAnotherHost() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> SmtpSettings.of("mail.lab.example", 25, FROM, SmtpSettings.Security.NONE).withLogin("trainset", PASSWORD));
    assertTrue(e.getMessage().startsWith("smtp security: none would send the password of 'trainset' in clear to mail.lab.example"), e.getMessage());
    assertFalse(SmtpSettings.of("127.0.0.1", 25, FROM, SmtpSettings.Security.NONE).withLogin("trainset", PASSWORD).toString().contains(PASSWORD));
  }
}
