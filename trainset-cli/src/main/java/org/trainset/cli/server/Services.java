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

  /** Option {@code option}'s value: 90s, 30m, 1h, 1d or an ISO-8601 duration (PT1H), at least one second. */
  static java.time.Duration duration(String option, String text) {
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
      throw new UsageException(option + ": expected 90s, 30m, 1h, 1d or ISO-8601 like PT1H, got '" + text + "'");
    }
    if (d.getSeconds() < 1) throw new UsageException(option + ": at least 1s, got '" + text + "'");
    return d;
  }
}
