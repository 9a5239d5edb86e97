package org.trainset.cli.server;

import java.io.IOException;
import java.nio.file.Path;
import org.trainset.cli.UsageException;
import org.trainset.server.Platform;

/** Opening the platform's data folder and database for the server verbs, with usage errors for bad options. */
final class Services {
  private Services() {}

  static Platform open(Path data, String db) throws IOException {
    return open(data, db, org.trainset.server.access.ReminderSettings.DEFAULT);
  }

  static Platform open(Path data, String db, org.trainset.server.access.ReminderSettings reminders) throws IOException {
    if (db != null && !db.startsWith("jdbc:postgresql:") && !db.startsWith("jdbc:sqlite:")) {
      throw new UsageException("--db: expected jdbc:postgresql://HOST/DB?user=U&password=P, got '" + db + "'");
    }
    return Platform.open(data, db, Platform.Limits.DEFAULT, java.time.Clock.systemUTC(), reminders);
  }

  /** The serve verb's reminder options as settings; bad values are usage errors naming the option. */
  static org.trainset.server.access.ReminderSettings reminders(String interval, String smtpHost, int smtpPort, String smtpFrom,
      boolean startTls, String smtpUser, String smtpPassword) {
    java.time.Duration every = duration(interval);
    if (smtpHost == null) {
      if (smtpFrom != null || smtpUser != null || startTls) throw new UsageException("--smtp-from, --smtp-user and --smtp-starttls need --smtp-host");
      return new org.trainset.server.access.ReminderSettings(every, null);
    }
    if (smtpFrom == null) throw new UsageException("--smtp-from: required with --smtp-host");
    if (smtpUser != null && smtpPassword == null) throw new UsageException("--smtp-user: set the password in TRAINSET_SMTP_PASSWORD");
    try {
      return new org.trainset.server.access.ReminderSettings(every,
          new org.trainset.server.mail.SmtpSettings(smtpHost, smtpPort, smtpFrom, startTls, smtpUser, smtpUser == null ? null : smtpPassword));
    } catch (IllegalArgumentException e) {
      throw new UsageException("--" + e.getMessage().replaceFirst("^smtp ", "smtp-"));
    }
  }

  /** 90s, 30m, 1h, 1d or an ISO-8601 duration (PT1H), at least one second. */
  static java.time.Duration duration(String text) {
    java.time.Duration d;
    try {
      var m = java.util.regex.Pattern.compile("(\\d{1,9})([smhd])").matcher(text.trim());
      if (m.matches()) {
        long n = Long.parseLong(m.group(1));
        d = switch (m.group(2)) {
          case "s" -> java.time.Duration.ofSeconds(n);
          case "m" -> java.time.Duration.ofMinutes(n);
          case "h" -> java.time.Duration.ofHours(n);
          default -> java.time.Duration.ofDays(n);
        };
      } else {
        d = java.time.Duration.parse(text.trim());
      }
    } catch (java.time.format.DateTimeParseException e) {
      throw new UsageException("--reminder-interval: expected 90s, 30m, 1h, 1d or ISO-8601 like PT1H, got '" + text + "'");
    }
    if (d.getSeconds() < 1) throw new UsageException("--reminder-interval: at least 1s, got '" + text + "'");
    return d;
  }
}
