package org.trainset.cli.access;

import java.nio.file.Files;
import java.nio.file.Path;
import org.trainset.cli.ExitCodes;
import org.trainset.cli.Json;
import org.trainset.cli.OutputOptions;
import org.trainset.cli.UsageException;
import org.trainset.cli.Verb;
import org.trainset.server.Platform;
import org.trainset.server.audit.AuditLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "verify", mixinStandardHelpOptions = true,
    description = {"Check the audit log's hash chain: exit 0 when intact, 1 naming every changed, deleted or reordered entry."})
public final class AuditVerifyVerb implements Verb {
  @Spec CommandSpec spec;
  @Mixin OutputOptions output;
  @Option(names = "--data", required = true, paramLabel = "DIR", description = "The server's data folder.")
  Path data;
  @Option(names = "--db", paramLabel = "URL", description = "PostgreSQL URL when the server uses one.")
  String db;

  @Override public Class<?> group() {
    return AuditGroup.class;
  }

  @Override public Integer call() throws Exception {
    if (!Files.isDirectory(data)) throw new UsageException("--data: no folder " + data);
    if (db == null && !Files.isRegularFile(data.resolve("trainset.db"))) {
      throw new UsageException("--data: " + data + " holds no trainset.db (give --db for PostgreSQL)");
    }
    if (db != null && !db.startsWith("jdbc:postgresql:") && !db.startsWith("jdbc:sqlite:")) {
      throw new UsageException("--db: expected jdbc:postgresql://HOST/DB?user=U&password=P, got '" + db + "'");
    }
    AuditLog.Report report;
    try (Platform platform = Platform.open(data, db)) {
      report = platform.audit().verifyReport();
    }
    var out = spec.commandLine().getOut();
    if (output.json) {
      out.println(Json.write(report.toJson()));
    } else if (report.intact()) {
      out.printf("audit log intact: %d entries%n", report.entries());
    } else {
      out.printf("audit log broken: %d finding(s) in %d entries%n", report.findings().size(), report.entries());
      for (AuditLog.Finding f : report.findings()) out.printf("entry %d: %s: %s%n", f.seq(), f.kind(), f.detail());
    }
    return report.intact() ? ExitCodes.OK : ExitCodes.FINDINGS;
  }
}
