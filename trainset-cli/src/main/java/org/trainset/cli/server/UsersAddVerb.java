package org.trainset.cli.server;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.trainset.cli.Json;
import org.trainset.cli.OutputOptions;
import org.trainset.cli.UsageException;
import org.trainset.cli.Verb;
import org.trainset.server.Platform;
import org.trainset.server.auth.Role;
import org.trainset.server.auth.Users;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "add", mixinStandardHelpOptions = true,
    description = {"Add a user. The password is read from the first line of standard input (never from the command line).",
        "Roles: admin, manager (owns projects), annotator, reviewer, datauser."})
public final class UsersAddVerb implements Verb {
  @Spec CommandSpec spec;
  @Mixin OutputOptions output;
  @Parameters(paramLabel = "NAME", description = "User name (letters, digits, '.', '_', '@', '-').") String name;
  @Option(names = "--role", required = true, paramLabel = "ROLE", description = "admin, manager, annotator, reviewer or datauser.")
  String role;
  @Option(names = "--org", defaultValue = "default", paramLabel = "ORG", description = "Organisation (created when new; default ${DEFAULT-VALUE}).")
  String org;
  @Option(names = "--password-stdin", required = true, description = "Read the password from standard input.")
  boolean passwordStdin;
  @Option(names = "--email", paramLabel = "ADDRESS", description = "Mail address (reviewers get their access-request reminders there).")
  String email;
  @Mixin PlatformStoreOptions store;

  @Override public Class<?> group() {
    return UsersGroup.class;
  }

  @Override public Integer call() throws Exception {
    Role r;
    try {
      r = Role.fromKey(role);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--role: " + e.getMessage());
    }
    String password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    if (password == null) throw new UsageException("--password-stdin: standard input is empty");
    if (email != null) {
      try {
        Users.checkEmail(email);
      } catch (IllegalArgumentException e) {
        throw new UsageException("--" + e.getMessage());
      }
    }
    Users.User u;
    try (Platform platform = store.open()) {
      u = platform.users().add(name, password, r, org);
      if (email != null) platform.users().setEmail(u.id(), email);
      // a role given is a role change on the record (the audit log of issue 13)
      platform.audit().append(null, "user.add", "user", u.id(), com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
          .put("username", u.username()).put("role", u.role().key()).put("org", String.join(",", u.orgs())));
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    var out = spec.commandLine().getOut();
    if (output.json) {
      out.println(Json.write(Json.object().put("id", u.id()).put("username", u.username()).put("role", u.role().key()).put("org", org)));
    } else {
      out.println("added " + u.username() + " (" + u.role().key() + ", organisation " + org + ")");
    }
    return 0;
  }
}
