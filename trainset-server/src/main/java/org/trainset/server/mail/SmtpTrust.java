package org.trainset.server.mail;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.trainset.core.io.InputException;

/**
 * Whom the SMTP connection's TLS trusts: the JVM's default CAs, or the CA certificates of a PEM
 * file (a private CA; then only those). Its sockets check that the server's certificate names the
 * host the server was asked for (as HTTPS does, RFC 6125) in the handshake, before any command.
 */
public final class SmtpTrust {
  private final Path caFile;
  private final SSLSocketFactory factory;

  private SmtpTrust(Path caFile, SSLSocketFactory factory) {
    this.caFile = caFile;
    this.factory = new Checking(factory);
  }

  public static SmtpTrust jvmDefault() {
    try {
      return new SmtpTrust(null, SSLContext.getDefault().getSocketFactory());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JVM has no default TLS context: " + e.getMessage(), e);
    }
  }

  /** The CA certificates of a PEM (or DER) file; an unreadable file or one without a certificate is an input error naming it. */
  public static SmtpTrust fromPem(Path file) throws IOException {
    Collection<? extends Certificate> certs;
    try (InputStream in = Files.newInputStream(file)) {
      certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
    } catch (CertificateException e) {
      throw new InputException(file, "ca-certificate", "not a PEM certificate file: " + e.getMessage());
    }
    if (certs.isEmpty()) throw new InputException(file, "ca-certificate", "no certificate in the file (expected -----BEGIN CERTIFICATE-----)");
    try {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int i = 0;
      for (Certificate c : certs) store.setCertificateEntry("ca" + i++, c);
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(store);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, tmf.getTrustManagers(), null);
      return new SmtpTrust(file, ctx.getSocketFactory());
    } catch (GeneralSecurityException e) {
      throw new InputException(file, "ca-certificate", "cannot trust these certificates: " + e.getMessage());
    }
  }

  SSLSocketFactory socketFactory() { return factory; }

  /** The CA file, or null for the JVM's default trust. */
  public Path caFile() { return caFile; }

  @Override public String toString() {
    return caFile == null ? "the JVM's CAs" : "the CAs of " + caFile;
  }

  /** Every socket it makes checks the server's host name in the TLS handshake. */
  private static final class Checking extends SSLSocketFactory {
    private final SSLSocketFactory delegate;

    Checking(SSLSocketFactory delegate) {
      this.delegate = delegate;
    }

    private static Socket check(Socket s) {
      if (s instanceof SSLSocket ssl) {
        SSLParameters p = ssl.getSSLParameters();
        p.setEndpointIdentificationAlgorithm("HTTPS");
        ssl.setSSLParameters(p);
      }
      return s;
    }

    @Override public String[] getDefaultCipherSuites() { return delegate.getDefaultCipherSuites(); }
    @Override public String[] getSupportedCipherSuites() { return delegate.getSupportedCipherSuites(); }
    @Override public Socket createSocket() throws IOException { return check(delegate.createSocket()); }
    @Override public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
      return check(delegate.createSocket(s, host, port, autoClose));
    }
    @Override public Socket createSocket(String host, int port) throws IOException { return check(delegate.createSocket(host, port)); }
    @Override public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
      return check(delegate.createSocket(host, port, local, localPort));
    }
    @Override public Socket createSocket(InetAddress host, int port) throws IOException { return check(delegate.createSocket(host, port)); }
    @Override public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort) throws IOException {
      return check(delegate.createSocket(host, port, local, localPort));
    }
  }
}
