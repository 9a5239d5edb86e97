package org.trainset.cli.server;

import java.util.List;
import org.trainset.cli.Json;
import org.trainset.cli.OutputOptions;
import org.trainset.cli.Verb;
import org.trainset.server.Platform;
import org.trainset.server.auth.Users;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "list", mixinStandardHelpOptions = true, description = "List the users: name, role, organisations.")
public final class UsersListVerb implements Verb {
  @Spec CommandSpec spec;
  @Mixin OutputOptions output;
  @Mixin PlatformStoreOptions store;

  @Override public Class<?> group() {
    return UsersGroup.class;
  }

  @Override public Integer call() throws Exception {
    List<Users.User> users;
    try (Platform platform = store.open()) {
      users = platform.users().list();
    }
    var out = spec.commandLine().getOut();
    if (output.json) {
      var root = Json.object();
      var arr = root.putArray("users");
      for (Users.User u : users) {
        var n = arr.addObject().put("username", u.username()).put("role", u.role().key());
        u.orgs().forEach(n.putArray("orgs")::add);
      }
      out.println(Json.write(root));
    } else {
      for (Users.User u : users) out.printf("%-24s %-10s %s%n", u.username(), u.role().key(), String.join(",", u.orgs()));
    }
    return 0;
  }
}
