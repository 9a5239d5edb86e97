package org.trainset.cli.server;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.trainset.cli.Json;
import org.trainset.cli.OutputOptions;
import org.trainset.cli.UsageException;
import org.trainset.cli.Verb;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "login", mixinStandardHelpOptions = true,
    description = {"Sign in to a trainset server and save a personal access token for push and pull",
        "(in $TRAINSET_CONFIG_DIR, $XDG_CONFIG_HOME/trainset or ~/.config/trainset, readable by you only).",
        "The password is read from standard input (or the console when interactive)."})
public final class LoginVerb implements Verb {
  @Spec CommandSpec spec;
  @Mixin OutputOptions output;
  @Parameters(paramLabel = "URL", description = "The server, e.g. http://127.0.0.1:8080") String url;
  @Option(names = {"-u", "--user"}, required = true, paramLabel = "NAME", description = "User name.") String user;
  @Option(names = "--token-name", defaultValue = "trainset-cli", paramLabel = "NAME", description = "Name of the token (default ${DEFAULT-VALUE}).")
  String tokenName;

  @Override public Integer call() throws Exception {
    String server = Credentials.normalise(url);
    String password = password();
    String token = ServerClient.login(server, user, password, tokenName);
    Credentials.save(server, token);
    var out = spec.commandLine().getOut();
    if (output.json) out.println(Json.write(Json.object().put("server", server).put("user", user).put("saved", Credentials.dir().toString())));
    else out.println("logged in to " + server + " as " + user + "; token saved in " + Credentials.dir());
    return 0;
  }

  private static String password() throws java.io.IOException {
    if (System.console() != null) {
      char[] p = System.console().readPassword("password: ");
      if (p != null) return new String(p);
    }
    String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    if (line == null) throw new UsageException("no password on standard input");
    return line;
  }
}
