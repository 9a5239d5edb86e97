package org.trainset.cli.server;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.trainset.cli.OutputOptions;
import org.trainset.cli.Verb;
import org.trainset.server.Platform;
import org.trainset.server.TrainsetServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Run the trainset platform: HTTP API and web app over an embedded database.",
        "Data (database, media, operations) lives in --data; --db jdbc:postgresql://... uses PostgreSQL instead.",
        "Add users first with 'trainset users add'. Serves until Ctrl-C.",
        "Reminder mails to reviewers (with 'users add --email'): --smtp-host mail.lab.example --smtp-from trainset@lab.example,",
        "STARTTLS on port 587 by default; --smtp-user U with the password in --smtp-password-file FILE or TRAINSET_SMTP_PASSWORD."})
public final class ServeVerb implements Verb {
  @Spec CommandSpec spec;
  @Mixin OutputOptions output;
  @Option(names = "--data", defaultValue = "trainset-data", paramLabel = "DIR",
      description = "Data folder (default ${DEFAULT-VALUE}).")
  Path data;
  @Option(names = "--port", defaultValue = "8080", paramLabel = "N", description = "Port (default ${DEFAULT-VALUE}; 0 = any free port).")
  int port;
  @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "HOST",
      description = "Address to listen on (default ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
  String host;
  @Option(names = "--db", paramLabel = "URL", description = "jdbc:postgresql://HOST/DB?user=U&password=P (default: SQLite in --data).")
  String db;
  @Option(names = "--reminder-interval", defaultValue = "1h", paramLabel = "TIME",
      description = "How often the server looks for access requests waiting past their reminder days: 90s, 30m, 1h, 1d or ISO-8601 (default ${DEFAULT-VALUE}).")
  String reminderInterval;
  @Mixin SmtpOptions smtp;

  @Override public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    var reminders = new org.trainset.server.access.ReminderSettings(Services.duration("--reminder-interval", reminderInterval),
        smtp.settings(System::getenv));
    Platform platform = Services.open(data, db, reminders);
    TrainsetServer server = new TrainsetServer(platform);
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      server.close();
      platform.close();
      stopped.countDown();
    });
    try {
      int bound = server.start(host, port);
      String url = "http://" + (host.equals("0.0.0.0") ? "127.0.0.1" : host) + ":" + bound + "/";
      var mailer = platform.reminders().mailer();
      if (output.json) {
        out.println(org.trainset.cli.Json.write(org.trainset.cli.Json.object().put("url", url).put("db", platform.db().kind())
            .put("data", platform.dataDir().toString()).put("mail", mailer.enabled() ? mailer.describe() : null)));
      } else {
        out.println("trainset serving on " + url + " (" + platform.db().kind() + ", data in " + platform.dataDir() + "); Ctrl-C stops");
        out.println(mailer.enabled() ? "reminder mails via " + mailer.describe() : "reminder mails: none (no --smtp-host); reminders show in the app");
      }
      out.flush();
      if (mailer.enabled()) {
        // a wrong password or TLS setting shows now, not at the first reminder hours later; the
        // server still runs (the mail server may be down for a moment) and retries each interval
        try {
          mailer.check();
        } catch (org.trainset.server.mail.Mailer.MailException e) {
          PrintWriter err = spec.commandLine().getErr();
          err.println("trainset serve: warning: reminder mails will fail: " + e.getMessage());
          err.flush();
        }
      }
      Runtime.getRuntime().addShutdownHook(hook);
      stopped.await();
    } catch (InterruptedException e) {
      // stopped by the caller (tests, the demo): shut down like Ctrl-C
      Runtime.getRuntime().removeShutdownHook(hook);
      hook.run();
    } catch (RuntimeException e) {
      server.close();
      platform.close();
      throw e;
    }
    return 0;
  }
}
