package org.trainset.cli.server;

import picocli.CommandLine.Command;

/** {@code trainset users add|list}: the platform's user accounts. */
@Command(name = "users", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
    description = "Manage the platform's users (in the data folder's database; the server may be running).")
public final class UsersGroup {
}
