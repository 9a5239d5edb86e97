package org.trainset.server.access;

import java.time.Duration;
import org.trainset.server.mail.SmtpSettings;

/**
 * How the server reminds reviewers: how often the reminder timer looks for waiting requests
 * and, optionally, the SMTP server that mails them (null: reminders show in the app only).
 */
public record ReminderSettings(Duration interval, SmtpSettings smtp) {
  public static final Duration DEFAULT_INTERVAL = Duration.ofHours(1);
  public static final ReminderSettings DEFAULT = new ReminderSettings(DEFAULT_INTERVAL, null);

  public ReminderSettings {
    if (interval == null || interval.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("reminder interval: at least 1 second, got " + interval);
    }
  }
}
