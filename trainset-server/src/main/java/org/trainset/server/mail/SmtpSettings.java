package org.trainset.server.mail;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * Where the server sends mail: an SMTP host and port, the sender address, how the connection is
 * protected ({@link Security}), whom TLS trusts ({@link SmtpTrust}), optional authentication and
 * the connect and read timeouts. The password is never printed ({@link #toString}).
 */
public record SmtpSettings(String host, int port, String from, Security security, SmtpTrust trust, String user, String password,
    Duration connectTimeout, Duration readTimeout) {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

  /** How the connection to the SMTP server is protected. */
  public enum Security {
    /** Plain SMTP: everything in clear (a relay on the same host or network). */
    NONE(25),
    /** Plain SMTP upgraded with STARTTLS, required: a server that does not offer it is refused, nothing is sent in clear. */
    STARTTLS(587),
    /** SMTPS: TLS from the first byte (implicit TLS). */
    TLS(465);

    /** The usual port of the mode (RFC 8314), the default of {@code --smtp-port}. */
    public final int defaultPort;

    Security(int defaultPort) {
      this.defaultPort = defaultPort;
    }

    public String key() { return name().toLowerCase(java.util.Locale.ROOT); }
  }

  public SmtpSettings {
    if (host == null || host.isBlank()) throw new IllegalArgumentException("smtp host: required");
    if (port < 1 || port > 65535) throw new IllegalArgumentException("smtp port: expected 1-65535, got " + port);
    if (from == null || !from.matches("[^@\\s]+@[^@\\s]+")) throw new IllegalArgumentException("smtp from: expected an address like trainset@example.org, got '" + from + "'");
    if (security == null) throw new IllegalArgumentException("smtp security: required (none, starttls or tls)");
    if (trust == null) trust = SmtpTrust.jvmDefault();
    if (user != null && user.isBlank()) throw new IllegalArgumentException("smtp user: empty");
    if (user != null && (password == null || password.isEmpty())) throw new IllegalArgumentException("smtp password: required with a user");
    if (user == null && password != null) throw new IllegalArgumentException("smtp password: given without a user");
    // a password in clear over the network is readable by anyone on the path; on this host it is not
    if (user != null && security == Security.NONE && !loopback(host)) {
      throw new IllegalArgumentException("smtp security: none would send the password of '" + user + "' in clear to " + host
          + "; use starttls or tls (none with a user only for a server on this host)");
    }
    if (connectTimeout == null) connectTimeout = DEFAULT_TIMEOUT;
    if (readTimeout == null) readTimeout = DEFAULT_TIMEOUT;
    if (connectTimeout.toMillis() < 1 || readTimeout.toMillis() < 1) throw new IllegalArgumentException("smtp timeout: at least 1 ms");
  }

  /** Without authentication, with the JVM's trust and the default timeouts. */
  public static SmtpSettings of(String host, int port, String from, Security security) {
    return new SmtpSettings(host, port, from, security, null, null, null, null, null);
  }

  public SmtpSettings withLogin(String user, String password) {
    return new SmtpSettings(host, port, from, security, trust, user, password, connectTimeout, readTimeout);
  }

  public SmtpSettings withTrust(SmtpTrust trust) {
    return new SmtpSettings(host, port, from, security, trust, user, password, connectTimeout, readTimeout);
  }

  public SmtpSettings withTimeouts(Duration connect, Duration read) {
    return new SmtpSettings(host, port, from, security, trust, user, password, connect, read);
  }

  private static boolean loopback(String host) {
    try {
      return host.equals("localhost") || InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** The server as messages name it: {@code smtp://trainset@mail.lab.example:587 (starttls)}; never the password. */
  public String server() {
    return "smtp://" + (user == null ? "" : user + "@") + host + ":" + port + " (" + security.key() + ")";
  }

  @Override public String toString() {
    return server() + " from " + from + (security == Security.NONE ? "" : ", trusting " + trust);
  }
}
