package org.trainset.server.mail;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.Date;
import java.util.Properties;
import javax.net.ssl.SSLException;

/**
 * Plain-text mail over SMTP with Jakarta Mail (Eclipse Angus): plain, STARTTLS (required, never a
 * silent fall-back to clear text) or implicit TLS, with the server's certificate checked against
 * {@link SmtpTrust} and its host name, and optional authentication. A failure becomes one line
 * naming the server and what went wrong (authentication failed, STARTTLS not offered, certificate
 * not trusted, ...), never the password.
 */
public final class SmtpMailer implements Mailer {
  private final SmtpSettings settings;
  private final Session session;

  public SmtpMailer(SmtpSettings settings) {
    this.settings = settings;
    Properties p = new Properties();
    p.setProperty("mail.transport.protocol", "smtp");
    p.setProperty("mail.smtp.host", settings.host());
    p.setProperty("mail.smtp.port", Integer.toString(settings.port()));
    p.setProperty("mail.smtp.from", settings.from());
    // a hung mail server must not hold the reminder thread forever
    p.setProperty("mail.smtp.connectiontimeout", Long.toString(settings.connectTimeout().toMillis()));
    p.setProperty("mail.smtp.timeout", Long.toString(settings.readTimeout().toMillis()));
    p.setProperty("mail.smtp.writetimeout", Long.toString(settings.readTimeout().toMillis()));
    switch (settings.security()) {
      case NONE -> { }
      case STARTTLS -> {
        p.setProperty("mail.smtp.starttls.enable", "true");
        // without this Angus goes on in clear when the server does not offer STARTTLS
        p.setProperty("mail.smtp.starttls.required", "true");
      }
      case TLS -> p.setProperty("mail.smtp.ssl.enable", "true");
    }
    if (settings.security() != SmtpSettings.Security.NONE) {
      p.put("mail.smtp.ssl.socketFactory", settings.trust().socketFactory());
      // otherwise a failed handshake is tried again with the JVM's default factory: other CAs, and
      // the failure reported is that second one's
      p.setProperty("mail.smtp.socketFactory.fallback", "false");
      p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
    }
    Authenticator auth = null;
    if (settings.user() != null) {
      p.setProperty("mail.smtp.auth", "true");
      auth = new Authenticator() {
        @Override protected PasswordAuthentication getPasswordAuthentication() {
          return new PasswordAuthentication(settings.user(), settings.password());
        }
      };
    }
    this.session = Session.getInstance(p, auth);
  }

  @Override public boolean enabled() { return true; }

  @Override public void send(String to, String subject, String body) throws MailException {
    try {
      MimeMessage m = new MimeMessage(session);
      m.setFrom(new InternetAddress(settings.from(), true));
      m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to, true));
      m.setSubject(subject, StandardCharsets.UTF_8.name());
      m.setText(body, StandardCharsets.UTF_8.name());
      m.setSentDate(new Date());
      Transport.send(m);
    } catch (MessagingException e) {
      throw new MailException("mail to " + to + " via " + settings.server() + ": " + reason(e), e);
    }
  }

  @Override public void check() throws MailException {
    try (Transport t = session.getTransport()) {
      t.connect();
    } catch (MessagingException e) {
      throw new MailException(settings.server() + ": " + reason(e), e);
    }
  }

  @Override public String describe() { return settings.toString(); }

  /** What went wrong, in one line an operator can act on. */
  String reason(MessagingException e) {
    if (e instanceof AuthenticationFailedException) {
      return "authentication failed for user '" + settings.user() + "' (server said: " + oneLine(e.getMessage()) + ")";
    }
    if (e instanceof SendFailedException) return "the server refused the mail: " + oneLine(e.getMessage());
    String m = e.getMessage() == null ? "" : e.getMessage();
    if (m.contains("STARTTLS is required")) {
      return "the server does not offer STARTTLS, which security starttls requires; nothing was sent";
    }
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof CertificateException c && c.getMessage() != null && c.getMessage().matches("(?s).*(No subject alternative|No name matching).*")) {
        return "TLS: the server's certificate does not name " + settings.host() + " (" + oneLine(c.getMessage()) + ")";
      }
    }
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof CertPathBuilderException || t instanceof CertPathValidatorException) {
        return "TLS: the server's certificate is not trusted by " + settings.trust() + " (a private CA: give its certificate as the CA file)";
      }
    }
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof SSLException s) return "TLS handshake failed: " + oneLine(s.getMessage())
          + (settings.security() == SmtpSettings.Security.TLS ? " (does port " + settings.port() + " speak SMTP over TLS, or plain SMTP that wants starttls?)" : "");
      if (t instanceof ConnectException) return "connection refused";
      if (t instanceof UnknownHostException) return "unknown host " + settings.host();
      if (t instanceof SocketTimeoutException) {
        return "timed out (connect timeout " + settings.connectTimeout().toSeconds() + " s, read timeout " + settings.readTimeout().toSeconds() + " s)";
      }
    }
    Throwable root = e;
    while (root.getCause() != null) root = root.getCause();
    return oneLine(m) + (root == e ? "" : ": " + oneLine(String.valueOf(root.getMessage())));
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.strip().replaceAll("\\s+", " ");
  }
}
