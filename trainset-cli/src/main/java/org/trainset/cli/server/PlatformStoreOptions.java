package org.trainset.cli.server;

import java.io.IOException;
import java.nio.file.Path;
import org.trainset.server.Platform;
import picocli.CommandLine.Option;

/** Where the platform keeps its data ({@code --data}, {@code --db}), for the verbs that work on a server's store without serving it. */
public final class PlatformStoreOptions {
  @Option(names = "--data", defaultValue = "trainset-data", paramLabel = "DIR", description = "Data folder (default ${DEFAULT-VALUE}).")
  Path data;
  @Option(names = "--db", paramLabel = "URL", description = "PostgreSQL URL when the server uses one.")
  String db;

  /** Opens the store; a malformed --db is a usage error. */
  Platform open() throws IOException {
    return Services.open(data, db);
  }
}
