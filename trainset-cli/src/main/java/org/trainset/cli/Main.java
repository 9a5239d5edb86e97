package org.trainset.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: builds the command tree from {@link Verb} services and runs it. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /**
   * Runs one command line with the given streams and returns its exit code (used by tests).
   * {@code --debug} anywhere before a {@code --} is taken out here and makes internal errors print
   * their stack trace.
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    PrintWriter o = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true);
    PrintWriter e = new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true);
    List<String> rest = new java.util.ArrayList<>(List.of(args));
    int dashes = rest.indexOf("--");
    boolean debug = rest.subList(0, dashes < 0 ? rest.size() : dashes).remove("--debug");
    try {
      CommandLine cl = commandLine();
      cl.setOut(o);
      cl.setErr(e);
      ExitCodes.configure(cl, debug);
      return cl.execute(rest.toArray(String[]::new));
    } catch (OutOfMemoryError oom) {
      // thrown outside a verb (picocli passes Errors through); verbs' own go through ExitCodes
      return ExitCodes.outOfMemory(null, e, oom, debug);
    } finally {
      o.flush();
      e.flush();
    }
  }

  static CommandLine commandLine() {
    CommandLine root = configure(new CommandLine(new TrainsetCommand()));
    Map<Class<?>, CommandLine> groups = new HashMap<>();
    List<Verb> verbs = ServiceLoader.load(Verb.class).stream().map(ServiceLoader.Provider::get)
        .sorted(java.util.Comparator.comparing(v -> name(v.getClass()))).toList();
    for (Verb v : verbs) {
      CommandLine parent = root;
      if (v.group() != null) {
        parent = groups.computeIfAbsent(v.group(), g -> {
          CommandLine group = configure(new CommandLine(newInstance(g)));
          root.addSubcommand(group);
          return group;
        });
      }
      parent.addSubcommand(configure(new CommandLine(v)));
    }
    return root;
  }

  private static CommandLine configure(CommandLine cl) {
    cl.setParameterExceptionHandler(ExitCodes::handleParameter);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    return cl;
  }

  private static String name(Class<?> c) {
    Command cmd = c.getAnnotation(Command.class);
    return cmd == null ? c.getSimpleName() : cmd.name();
  }

  private static Object newInstance(Class<?> c) {
    try {
      return c.getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException ex) {
      throw new IllegalStateException("group command " + c.getName() + " needs a no-argument constructor", ex);
    }
  }
}
