package org.trainset.cli.server;

import java.io.IOException;
import java.nio.file.Path;
import org.trainset.cli.UsageException;
import org.trainset.server.Platform;

/** Opening the platform's data folder and database for the server verbs, with usage errors for bad options. */
final class Services {
  private Services() {}

  static Platform open(Path data, String db) throws IOException {
    if (db != null && !db.startsWith("jdbc:postgresql:") && !db.startsWith("jdbc:sqlite:")) {
      throw new UsageException("--db: expected jdbc:postgresql://HOST/DB?user=U&password=P, got '" + db + "'");
    }
    return Platform.open(data, db);
  }
}
