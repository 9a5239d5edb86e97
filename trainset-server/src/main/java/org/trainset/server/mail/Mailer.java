package org.trainset.server.mail;

/** Sends one plain-text mail; {@link #NONE} when the server has no SMTP configured. */
public interface Mailer {
  /** Thrown when a mail could not be handed to the SMTP server; the message says why. */
  final class MailException extends Exception {
    public MailException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** False for {@link #NONE}: reminders are then shown in the app only. */
  boolean enabled();

  void send(String to, String subject, String body) throws MailException;

  Mailer NONE = new Mailer() {
    @Override public boolean enabled() { return false; }

    @Override public void send(String to, String subject, String body) throws MailException {
      throw new MailException("no SMTP server configured", null);
    }
  };
}
