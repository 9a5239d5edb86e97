package org.trainset.cli.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.cli.Main;
import org.trainset.cli.access.AccessCliTest;
import org.trainset.server.Platform;
import org.trainset.server.access.AccessMode;
import org.trainset.server.access.RequestForm;
import org.trainset.server.auth.Role;
import org.trainset.testkit.TestCertificates;

/**
 * {@code trainset serve} mailing a reminder through a real SMTPS server (GreenMail) that wants a
 * password and presents a certificate of a private CA: an access request waits past its reminder
 * day; the server started with a wrong password file warns at start that reminder mails will fail;
 * started with the right one (and the CA file), its first reminder pass mails the reviewer.
 */
class ServeMailCliTest {
  static final String SMTP_PASSWORD = "smtp-pass-42";
  @TempDir Path tmp;

  /** A running {@code trainset serve}: the lines it printed and its standard error. */
  record Serving(Thread thread, List<String> lines, ByteArrayOutputStream err) {
    void stop() throws InterruptedException {
      thread.interrupt();
      thread.join(30_000);
      assertFalse(thread.isAlive(), "serve stops when interrupted");
    }
  }

  static Serving serve(String... args) throws Exception {
    PipedInputStream serverOut = new PipedInputStream();
    PrintStream pipe = new PrintStream(new PipedOutputStream(serverOut), true, StandardCharsets.UTF_8);
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String[] all = new String[args.length + 1];
    all[0] = "serve";
    System.arraycopy(args, 0, all, 1, args.length);
    Thread t = new Thread(() -> Main.run(all, pipe, new PrintStream(err, true, StandardCharsets.UTF_8)));
    t.start();
    BufferedReader in = new BufferedReader(new InputStreamReader(serverOut, StandardCharsets.UTF_8));
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      String line = in.readLine();
      assertTrue(line != null, "serve printed " + lines + ", stderr: " + err);
      lines.add(line);
    }
    return new Serving(t, lines, err);
  }

  /** GreenMail's SMTPS on a free port of 127.0.0.1 (a busy machine may need more than its 2 s to start). */
  static GreenMail startSmtps() {
    ServerSetup setup = new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS);
    setup.setServerStartupTimeout(30_000);
    GreenMail smtp = new GreenMail(setup);
    smtp.start();
    return smtp;
  }

  /**
   * A data folder where alice's access request to the gated release 'scans' was made three days
   * ago (reminder after one day) and mgr, with an e-mail address, reviews it; the server then runs
   * on the real clock.
   */
  Path dataWithAWaitingRequest() throws Exception {
    Path data = tmp.resolve("data");
    Clock then = Clock.fixed(Instant.now().minus(Duration.ofDays(3)), ZoneOffset.UTC);
    try (Platform p = Platform.open(data, null, Platform.Limits.DEFAULT, then)) {
      var mgr = p.users().principal(p.users().add("mgr", "password-1", Role.MANAGER, "acme").id(), null);
      p.users().setEmail(mgr.userId(), "mgr@lab.example");
      var alice = p.users().principal(p.users().add("alice", "password-1", Role.DATAUSER, "uni").id(), null);
      AccessCliTest.publish(p, mgr, "scans", new byte[] {1, 2, 3});
      p.access().setMode(mgr, "scans", null, null, AccessMode.GATED, RequestForm.EMPTY, 1);
      p.accessRequests().submit(alice, "scans", null, null, "a density study", null, null);
    }
    return data;
  }

  @Test void serveMailsAWaitingRequestsReviewerOverSmtpsWithAPasswordFileAndAPrivateCa() throws Exception {
    TestCertificates.Certificate cert = TestCertificates.forGreenMail();
    GreenMail smtp = startSmtps();
    try {
      smtp.setUser("trainset@lab.example", "trainset", SMTP_PASSWORD);
      Path data = dataWithAWaitingRequest();
      Path wrong = Files.writeString(tmp.resolve("wrong-password"), "not-the-password\n");
      Path right = Files.writeString(tmp.resolve("smtp-password"), SMTP_PASSWORD + "\n");
      String port = Integer.toString(smtp.getSmtps().getPort());
      String server = "smtp://trainset@127.0.0.1:" + port + " (tls)";

      // a wrong password: said at start (the first reminder pass would come a minute later)
      Serving first = serve("--data", data.toString(), "--port", "0", "--smtp-host", "127.0.0.1", "--smtp-port", port, "--smtp-security", "tls",
          "--smtp-ca-file", cert.pem().toString(), "--smtp-from", "trainset@lab.example", "--smtp-user", "trainset",
          "--smtp-password-file", wrong.toString());
      try {
        assertTrue(first.lines().get(0).startsWith("trainset serving on http://127.0.0.1:"), first.lines().toString());
        assertEquals("reminder mails via " + server + " from trainset@lab.example, trusting the CAs of " + cert.pem(), first.lines().get(1));
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!first.err().toString(StandardCharsets.UTF_8).contains("\n") && System.nanoTime() < until) Thread.sleep(50);
        String err = first.err().toString(StandardCharsets.UTF_8);
        assertTrue(err.startsWith("trainset serve: warning: reminder mails will fail: " + server + ": authentication failed for user 'trainset'"), err);
        assertFalse(err.contains("not-the-password"), err);
      } finally {
        first.stop();
      }
      assertEquals(0, smtp.getReceivedMessages().length);

      Serving second = serve("--data", data.toString(), "--port", "0", "--reminder-interval", "1s", "--smtp-host", "127.0.0.1", "--smtp-port", port,
          "--smtp-security", "tls", "--smtp-ca-file", cert.pem().toString(), "--smtp-from", "trainset@lab.example", "--smtp-user", "trainset",
          "--smtp-password-file", right.toString());
      try {
        assertTrue(smtp.waitForIncomingEmail(30_000, 1), "the reminder arrives; serve's stderr: " + second.err());
        var m = smtp.getReceivedMessages()[0];
        assertEquals("mgr@lab.example", m.getAllRecipients()[0].toString());
        assertEquals("trainset@lab.example", m.getFrom()[0].toString());
        assertTrue(m.getSubject().contains("scans"), m.getSubject());
        String body = GreenMailUtil.getBody(m);
        assertTrue(body.contains("Applicant: alice") && body.contains("a density study") && body.contains("Age: 3 days"), body);
        assertEquals("", second.err().toString(StandardCharsets.UTF_8), "no warning with the right password");
      } finally {
        second.stop();
      }
    } finally {
      smtp.stop();
    }
  }
  /**
   * The password from the environment variable TRAINSET_SMTP_PASSWORD, in a real process (the
   * variable cannot be set inside this JVM): {@code trainset serve} started with it and no
   * password file mails the reminder, and the password is in neither its output nor its command line.
   * Its log lines come through the CLI's logging set-up, without SLF4J's or Javalin's banners.
   */
  @Test void servesWithThePasswordFromTheEnvironment() throws Exception {
    TestCertificates.Certificate cert = TestCertificates.forGreenMail();
    GreenMail smtp = startSmtps();
    Process serve = null;
    try {
      smtp.setUser("trainset@lab.example", "trainset", SMTP_PASSWORD);
      Path data = dataWithAWaitingRequest();
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
          "serve", "--data", data.toString(), "--port", "0", "--reminder-interval", "1s", "--smtp-host", "127.0.0.1",
          "--smtp-port", Integer.toString(smtp.getSmtps().getPort()), "--smtp-security", "tls", "--smtp-ca-file", cert.pem().toString(),
          "--smtp-from", "trainset@lab.example", "--smtp-user", "trainset")
          .redirectErrorStream(true).redirectOutput(tmp.resolve("serve.out").toFile());
      pb.environment().put("TRAINSET_SMTP_PASSWORD", SMTP_PASSWORD);
      assertFalse(String.join(" ", pb.command()).contains(SMTP_PASSWORD));
      serve = pb.start();
      boolean arrived = smtp.waitForIncomingEmail(60_000, 1);
      String out = Files.readString(tmp.resolve("serve.out"));
      assertTrue(arrived, "the reminder arrives; serve printed: " + out);
      assertEquals("mgr@lab.example", smtp.getReceivedMessages()[0].getAllRecipients()[0].toString());
      assertTrue(out.contains("reminder mails via smtp://trainset@127.0.0.1:" + smtp.getSmtps().getPort() + " (tls)"), out);
      assertFalse(out.contains("warning") || out.contains(SMTP_PASSWORD), out);
      // the server's log goes through one SLF4J provider (slf4j-simple, configured by the CLI), no banner
      assertTrue(out.contains("INFO TrainsetServer - trainset server on http://127.0.0.1:"), out);
      assertFalse(out.contains("SLF4J") || out.contains("logger in your project"), out);
    } finally {
      if (serve != null) {
        serve.destroy();
        if (!serve.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) serve.destroyForcibly();
      }
      smtp.stop();
    }
  }
}
