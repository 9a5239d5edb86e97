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

  /** Connects (and authenticates) without sending, so an operator learns at start that mail will fail. */
  default void check() throws MailException {}

  /** Where mail goes, for the operator: never a password. */
  default String describe() { return "nowhere"; }

  Mailer NONE = new Mailer() {
    @Override public boolean enabled() { return false; }

    @Override public void send(String to, String subject, String body) throws MailException {
      throw new MailException("no SMTP server configured", null);
    }
  };
}
