package org.trainset.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Benchmark yardstick, not part of the product: the physical ceiling of serving a file over
 * loopback. A bare HTTP/1.1 server that answers every GET with one file through
 * {@link FileChannel#transferTo} ({@code sendfile(2)} on Linux: page cache to socket inside the
 * kernel), one thread per connection, no checks, no records. {@link DownloadBenchmark} times the
 * same curl against it and against trainset.
 */
final class SendfileServer implements AutoCloseable {
  private final ServerSocketChannel server;
  private final Path file;
  private final Thread acceptor;

  SendfileServer(Path file) throws IOException {
    this.file = file;
    this.server = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    this.acceptor = new Thread(this::accept, "sendfile-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  String url() throws IOException {
    return "http://127.0.0.1:" + ((InetSocketAddress) server.getLocalAddress()).getPort() + "/file";
  }

  private void accept() {
    while (server.isOpen()) {
      try {
        SocketChannel s = server.accept();
        Thread t = new Thread(() -> serve(s), "sendfile-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(SocketChannel s) {
    try (s; FileChannel ch = FileChannel.open(file)) {
      Socket sock = s.socket();
      // read the request head (curl sends one small GET); the body-less request ends with CRLFCRLF
      var in = sock.getInputStream();
      int state = 0;
      for (int b; state < 4 && (b = in.read()) >= 0; ) state = (b == (state % 2 == 0 ? '\r' : '\n')) ? state + 1 : (b == '\r' ? 1 : 0);
      long size = ch.size();
      String head = "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: " + size + "\r\nConnection: close\r\n\r\n";
      s.write(java.nio.ByteBuffer.wrap(head.getBytes(StandardCharsets.US_ASCII)));
      for (long pos = 0; pos < size; ) pos += ch.transferTo(pos, size - pos, s);
    } catch (IOException e) {
      // the client went away: nothing to record
    }
  }

  @Override public void close() throws IOException {
    server.close();
  }
}
