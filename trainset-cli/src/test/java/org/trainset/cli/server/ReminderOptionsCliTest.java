package org.trainset.cli.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainset.cli.Cli;
import org.trainset.server.Platform;

/**
 * The reminder options through the CLI's entry point: `users add --email` stores the address the
 * reminders go to; `serve` refuses bad reminder and SMTP options with exit 2 naming the option,
 * before it opens anything.
 */
class ReminderOptionsCliTest {
  @TempDir Path tmp;

  @Test void usersAddStoresTheMailAddressAndRefusesABadOne() throws Exception {
    String data = tmp.resolve("data").toString();
    var bad = Cli.runWithStdin("s3cret-password\n", "users", "add", "kim", "--role", "reviewer", "--email", "kim at lab", "--password-stdin", "--data", data);
    assertEquals(2, bad.exitCode(), bad.toString());
    assertTrue(bad.err().contains("--email: expected an address"), bad.toString());
    var added = Cli.runWithStdin("s3cret-password\n", "users", "add", "kim", "--role", "reviewer", "--email", "kim@lab.example", "--password-stdin", "--data", data);
    assertEquals(0, added.exitCode(), added.toString());
    try (Platform p = Platform.open(Path.of(data), null)) {
      String id = p.users().list().get(0).id();
      assertEquals(Optional.of("kim@lab.example"), p.users().email(id));
    }
  }

  @Test void serveRefusesBadReminderAndSmtpOptions() throws Exception {
    String data = tmp.resolve("data").toString();
    String pw = java.nio.file.Files.writeString(tmp.resolve("smtp-password"), "s3cret\n").toString();
    String[] host = {"--smtp-host", "mail.lab.example", "--smtp-from", "trainset@lab.example"};
    String[][] cases = {
        {"--reminder-interval", "0s"}, {"--reminder-interval", "hourly"}, {"--smtp-host", "mail.lab.example"},
        {"--smtp-from", "trainset@lab.example"}, {"--smtp-host", "mail.lab.example", "--smtp-from", "not-an-address"},
        plus(host, "--smtp-port", "70000"), {"--smtp-port", "587", "--smtp-user", "trainset"},
        plus(host, "--smtp-security", "ssl"), plus(host, "--smtp-security", "none", "--smtp-ca-file", pw),
        plus(host, "--smtp-password-file", pw), plus(host, "--smtp-user", "trainset"),
        plus(host, "--smtp-security", "none", "--smtp-user", "trainset", "--smtp-password-file", pw),
        plus(host, "--smtp-timeout", "soon"), plus(host, "--smtp-connect-timeout", "0s")};
    String[] named = {"--reminder-interval", "--reminder-interval", "--smtp-from", "--smtp-host", "--smtp-from", "--smtp-port",
        "--smtp-port, --smtp-user: need --smtp-host", "--smtp-security: expected none, starttls or tls", "--smtp-ca-file: needs --smtp-security starttls or tls",
        "--smtp-password-file: needs --smtp-user", "--smtp-user: give the password in --smtp-password-file FILE or the environment variable TRAINSET_SMTP_PASSWORD",
        "--smtp-security: none would send the password of 'trainset' in clear to mail.lab.example", "--smtp-timeout", "--smtp-connect-timeout: at least 1s"};
    for (int i = 0; i < cases.length; i++) {
      String[] args = new String[cases[i].length + 3];
      args[0] = "serve";
      args[1] = "--data";
      args[2] = data;
      System.arraycopy(cases[i], 0, args, 3, cases[i].length);
      var r = Cli.run(args);
      assertEquals(2, r.exitCode(), String.join(" ", args) + ": " + r);
      assertTrue(r.err().contains(named[i]), String.join(" ", args) + ": " + r);
    }
  }

  @Test void serveNamesAnUnreadablePasswordOrCaFileWithExit3AndItsHelpSaysHowToConfigureMail() throws Exception {
    String data = tmp.resolve("data").toString();
    String missing = tmp.resolve("no-such-password").toString();
    var r = Cli.run("serve", "--data", data, "--smtp-host", "mail.lab.example", "--smtp-from", "trainset@lab.example",
        "--smtp-user", "trainset", "--smtp-password-file", missing);
    assertEquals(3, r.exitCode(), r.toString());
    assertTrue(r.err().contains(missing + ": no such file or directory"), r.toString());
    String empty = java.nio.file.Files.writeString(tmp.resolve("empty-password"), "\n").toString();
    r = Cli.run("serve", "--data", data, "--smtp-host", "mail.lab.example", "--smtp-from", "trainset@lab.example",
        "--smtp-user", "trainset", "--smtp-password-file", empty);
    assertEquals(3, r.exitCode(), r.toString());
    assertTrue(r.err().contains(empty) && r.err().contains("empty; expected the SMTP password"), r.toString());
    String notPem = java.nio.file.Files.writeString(tmp.resolve("ca.pem"), "not a certificate\n").toString();
    r = Cli.run("serve", "--data", data, "--smtp-host", "mail.lab.example", "--smtp-from", "trainset@lab.example", "--smtp-ca-file", notPem);
    assertEquals(3, r.exitCode(), r.toString());
    assertTrue(r.err().contains(notPem) && r.err().contains("certificate"), r.toString());
    assertTrue(!java.nio.file.Files.exists(tmp.resolve("data")), "nothing opened before the options were checked");

    var help = Cli.run("serve", "--help");
    assertEquals(0, help.exitCode(), help.toString());
    for (String option : new String[] {"--smtp-security", "starttls", "--smtp-password-file", "TRAINSET_SMTP_PASSWORD", "--smtp-ca-file",
        "--smtp-connect-timeout", "--smtp-timeout"}) {
      assertTrue(help.out().contains(option), option + " in: " + help.out());
    }
  }

  private static String[] plus(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
