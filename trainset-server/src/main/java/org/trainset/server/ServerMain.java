package org.trainset.server;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a server in its own JVM: {@code --data DIR [--port N] [--db URL] [--host H]}. Prints
 * {@code listening on PORT} when ready and serves until the process ends. {@code trainset serve}
 * is the user's entry point; this one is for tests that kill and restart a server process.
 */
public final class ServerMain {
  private ServerMain() {}

  public static void main(String[] args) throws Exception {
    Path data = Path.of("trainset-data");
    int port = 8080;
    String db = null;
    String host = "127.0.0.1";
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--data" -> data = Path.of(args[i + 1]);
        case "--port" -> port = Integer.parseInt(args[i + 1]);
        case "--db" -> db = args[i + 1];
        case "--host" -> host = args[i + 1];
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Platform platform = Platform.open(data, db);
    TrainsetServer server = new TrainsetServer(platform);
    int bound = server.start(host, port);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      platform.close();
    }));
    System.out.println("listening on " + bound);
    System.out.flush();
    new CountDownLatch(1).await();
  }
}
