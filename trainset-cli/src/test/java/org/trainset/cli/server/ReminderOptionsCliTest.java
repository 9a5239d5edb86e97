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

  @Test void serveRefusesBadReminderAndSmtpOptions() {
    String data = tmp.resolve("data").toString();
    String[][] cases = {
        {"--reminder-interval", "0s"}, {"--reminder-interval", "hourly"}, {"--smtp-host", "mail.lab.example"},
        {"--smtp-from", "trainset@lab.example"}, {"--smtp-host", "mail.lab.example", "--smtp-from", "not-an-address"},
        {"--smtp-host", "mail.lab.example", "--smtp-from", "trainset@lab.example", "--smtp-port", "70000"}};
    String[] named = {"--reminder-interval", "--reminder-interval", "--smtp-from", "--smtp-host", "--smtp-from", "--smtp-port"};
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
}
