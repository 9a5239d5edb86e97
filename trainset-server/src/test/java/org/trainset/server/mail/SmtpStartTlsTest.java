package org.trainset.server.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.testkit.PythonOracle;

/**
 * The mailer's default mode, STARTTLS on a submission port, against an independent server:
 * Debian's aiosmtpd ({@code python3-aiosmtpd}), set to refuse anything before STARTTLS and any
 * mail before AUTH, presenting a certificate of a private CA (made with openssl). With the CA
 * file the reminder is delivered over TLS and authenticated (the server records both); without
 * it, or with a wrong password, nothing is sent and the one-line error says why. (GreenMail,
 * used by {@link SmtpMailerTest}, has no STARTTLS.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SmtpStartTlsTest {
  static final String FROM = "trainset@example.org";
  static final String TO = "reviewer@lab.example";
  static final String USER = "trainset";
  static final String PASSWORD = "starttls-pass-7";
  @TempDir static Path tmp; // static: made before @BeforeAll
  Process server;
  Path cert;
  Path received;
  int port;

  @BeforeAll void start() throws Exception {
    assertTrue(Files.isExecutable(PythonOracle.PYTHON), "/usr/bin/python3 is required (scripts/install-test-deps)");
    Path dir = Files.createDirectories(tmp.resolve("tls"));
    cert = dir.resolve("cert.pem");
    Path key = dir.resolve("key.pem");
    run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(), "-out", cert.toString(),
        "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"));
    received = Files.createDirectories(tmp.resolve("received"));
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Path script = Path.of(SmtpStartTlsTest.class.getResource("/mail/starttls_server.py").toURI());
    server = new ProcessBuilder(PythonOracle.PYTHON.toString(), script.toString(), Integer.toString(port), cert.toString(), key.toString(),
        USER, PASSWORD, received.toString()).redirectError(tmp.resolve("server.err").toFile()).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    assertEquals("ready", line, "aiosmtpd did not start (is python3-aiosmtpd installed? scripts/install-test-deps): "
        + Files.readString(tmp.resolve("server.err")));
  }

  @AfterAll void stop() throws Exception {
    if (server == null) return;
    server.getOutputStream().close();
    if (!server.waitFor(30, TimeUnit.SECONDS)) server.destroyForcibly();
  }

  @BeforeEach void empty() throws IOException {
    try (var files = Files.list(received)) {
      for (Path p : files.toList()) Files.delete(p);
    }
  }

  private static void run(List<String> cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, String.join(" ", cmd) + ": " + out);
  }

  SmtpSettings startTls() {
    return SmtpSettings.of("127.0.0.1", port, FROM, SmtpSettings.Security.STARTTLS).withLogin(USER, PASSWORD);
  }

  void send(SmtpSettings s) throws Mailer.MailException {
    new SmtpMailer(s).send(TO, "[trainset] reminder", "a request waits");
  }

  String refused(SmtpSettings s) throws IOException {
    Mailer.MailException e = assertThrows(Mailer.MailException.class, () -> send(s));
    String m = e.getMessage();
    assertFalse(m.contains("\n") || m.contains("\r"), "one line: " + m);
    assertFalse(m.contains(PASSWORD), "never the password: " + m);
    assertTrue(m.startsWith("mail to " + TO + " via " + s.server() + ": "), m);
    try (var files = Files.list(received)) {
      assertEquals(0, files.count(), "nothing delivered: " + m);
    }
    return m;
  }

  @Test void startTlsWithThePrivateCaDeliversOverTlsAndAuthenticated() throws Exception {
    SmtpSettings s = startTls().withTrust(SmtpTrust.fromPem(cert));
    new SmtpMailer(s).check(); // what serve does at start
    send(s);
    JsonNode envelope = new ObjectMapper().readTree(received.resolve("1.json").toFile());
    assertEquals(FROM, envelope.path("from").asText());
    assertEquals(TO, envelope.path("to").get(0).asText());
    assertTrue(envelope.path("tls").asBoolean(), "sent after STARTTLS: " + envelope);
    assertTrue(envelope.path("authenticated").asBoolean(), "sent after AUTH: " + envelope);
    String mail = Files.readString(received.resolve("1.eml"), StandardCharsets.UTF_8);
    assertTrue(mail.contains("Subject: [trainset] reminder") && mail.contains("a request waits"), mail);
  }

  @Test void startTlsWithoutTheCaIsRefusedBeforeAnythingIsSent() throws Exception {
    String m = refused(startTls());
    assertTrue(m.contains("(starttls): TLS: the server's certificate is not trusted by the JVM's CAs"), m);
  }

  @Test void aWrongPasswordAfterStartTlsSaysAuthenticationFailed() throws Exception {
    String m = refused(SmtpSettings.of("127.0.0.1", port, FROM, SmtpSettings.Security.STARTTLS)
        .withLogin(USER, "not-the-password").withTrust(SmtpTrust.fromPem(cert)));
    assertTrue(m.contains("authentication failed for user 'trainset'"), m);
    assertFalse(m.contains("not-the-password"), m);
  }
}
