package org.trainset.cli.server;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.trainset.cli.UsageException;
import org.trainset.core.io.InputException;
import org.trainset.server.mail.SmtpSettings;
import org.trainset.server.mail.SmtpTrust;
import picocli.CommandLine.Option;

/**
 * {@code trainset serve}'s SMTP options for the reviewers' reminder mails. Bad combinations are
 * usage errors naming the option (exit 2); an unreadable password or CA file is an input error
 * naming the file (exit 3). The password never comes from the command line, where {@code ps} and
 * shell histories show it: a file or the environment.
 */
public final class SmtpOptions {
  static final String PASSWORD_ENV = "TRAINSET_SMTP_PASSWORD";

  @Option(names = "--smtp-host", paramLabel = "HOST", description = "SMTP server for reviewers' reminder mails (default: none; reminders show in the app only).")
  String host;
  @Option(names = "--smtp-port", paramLabel = "N", description = "SMTP port (default: 587 with starttls, 465 with tls, 25 with none).")
  Integer port;
  @Option(names = "--smtp-from", paramLabel = "ADDRESS", description = "Sender address of the mails (required with --smtp-host).")
  String from;
  @Option(names = "--smtp-security", paramLabel = "MODE",
      description = {"starttls (default): STARTTLS required, a server that does not offer it is refused, nothing is sent in clear;",
          "tls: TLS from the first byte (SMTPS, port 465); none: plain SMTP (a password only to a server on this host).",
          "With starttls and tls the certificate must name --smtp-host and chain to a trusted CA."})
  String security;
  @Option(names = "--smtp-user", paramLabel = "USER",
      description = "SMTP user; the password comes from --smtp-password-file or the environment variable " + PASSWORD_ENV + ", never the command line.")
  String user;
  @Option(names = "--smtp-password-file", paramLabel = "FILE", description = "File holding the SMTP password (one trailing newline ignored); wins over " + PASSWORD_ENV + ".")
  Path passwordFile;
  @Option(names = "--smtp-ca-file", paramLabel = "FILE",
      description = "PEM file of the CA certificate(s) that sign the SMTP server's certificate (a private CA); only they are trusted then (default: the JVM's CAs).")
  Path caFile;
  @Option(names = "--smtp-connect-timeout", paramLabel = "TIME", description = "Give up connecting after this long: 10s, 1m (default 20s).")
  String connectTimeout;
  @Option(names = "--smtp-timeout", paramLabel = "TIME", description = "Give up when the server does not answer a command for this long: 30s, 2m (default 20s).")
  String readTimeout;

  /** The settings, or null without {@code --smtp-host}; {@code env} looks up environment variables. */
  SmtpSettings settings(UnaryOperator<String> env) throws IOException {
    if (host == null) {
      List<String> given = new ArrayList<>();
      if (port != null) given.add("--smtp-port");
      if (from != null) given.add("--smtp-from");
      if (security != null) given.add("--smtp-security");
      if (user != null) given.add("--smtp-user");
      if (passwordFile != null) given.add("--smtp-password-file");
      if (caFile != null) given.add("--smtp-ca-file");
      if (connectTimeout != null) given.add("--smtp-connect-timeout");
      if (readTimeout != null) given.add("--smtp-timeout");
      if (!given.isEmpty()) throw new UsageException(String.join(", ", given) + ": need --smtp-host");
      return null;
    }
    if (from == null) throw new UsageException("--smtp-from: required with --smtp-host");
    SmtpSettings.Security mode = security();
    if (caFile != null && mode == SmtpSettings.Security.NONE) throw new UsageException("--smtp-ca-file: needs --smtp-security starttls or tls (none has no TLS)");
    if (passwordFile != null && user == null) throw new UsageException("--smtp-password-file: needs --smtp-user");
    String envPassword = user == null ? null : env.apply(PASSWORD_ENV);
    if (user != null && passwordFile == null && (envPassword == null || envPassword.isEmpty())) {
      throw new UsageException("--smtp-user: give the password in --smtp-password-file FILE or the environment variable " + PASSWORD_ENV);
    }
    var connect = connectTimeout == null ? null : Services.duration("--smtp-connect-timeout", connectTimeout);
    var read = readTimeout == null ? null : Services.duration("--smtp-timeout", readTimeout);
    SmtpSettings s;
    try {
      s = SmtpSettings.of(host, port == null ? mode.defaultPort : port, from, mode).withTimeouts(connect, read);
      // checked before the files are read: a usage error comes first
      if (user != null) s.withLogin(user, "-");
    } catch (IllegalArgumentException e) {
      throw new UsageException("--" + e.getMessage().replaceFirst("^smtp ", "smtp-"));
    }
    if (user != null) s = s.withLogin(user, passwordFile == null ? envPassword : password(passwordFile));
    if (caFile != null) s = s.withTrust(SmtpTrust.fromPem(caFile));
    return s;
  }

  private SmtpSettings.Security security() {
    if (security == null) return SmtpSettings.Security.STARTTLS;
    try {
      return SmtpSettings.Security.valueOf(security.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new UsageException("--smtp-security: expected none, starttls or tls, got '" + security + "'");
    }
  }

  /** The file's text less one trailing newline (editors add one). */
  private static String password(Path file) throws IOException {
    String text;
    try {
      text = Files.readString(file);
    } catch (CharacterCodingException e) {
      throw new InputException(file, "password-file", "not UTF-8 text");
    }
    text = text.endsWith("\r\n") ? text.substring(0, text.length() - 2) : text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    if (text.isEmpty()) throw new InputException(file, "password-file", "empty; expected the SMTP password");
    return text;
  }
}
