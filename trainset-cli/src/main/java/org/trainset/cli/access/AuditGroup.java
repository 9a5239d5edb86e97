package org.trainset.cli.access;

import picocli.CommandLine.Command;

/** {@code trainset audit verify}: the platform's hash-chained audit log. */
@Command(name = "audit", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
    description = "Check the platform's audit log (in the data folder's database; the server may be running).")
public final class AuditGroup {
}
