package org.trainset.server.mail;

/**
 * Where the server sends mail: an SMTP host and port, the sender address, STARTTLS (required
 * when on: a server that does not offer it is refused rather than spoken to in clear) and
 * optional authentication.
 */
public record SmtpSettings(String host, int port, String from, boolean startTls, String user, String password) {
  public SmtpSettings {
    if (host == null || host.isBlank()) throw new IllegalArgumentException("smtp host: required");
    if (port < 1 || port > 65535) throw new IllegalArgumentException("smtp port: expected 1-65535, got " + port);
    if (from == null || !from.matches("[^@\\s]+@[^@\\s]+")) throw new IllegalArgumentException("smtp from: expected an address like trainset@example.org, got '" + from + "'");
    if (user != null && password == null) throw new IllegalArgumentException("smtp password: required with a user");
  }

  @Override public String toString() {
    // never print the password
    return "smtp://" + (user == null ? "" : user + "@") + host + ":" + port + (startTls ? " (STARTTLS)" : "") + " from " + from;
  }
}
