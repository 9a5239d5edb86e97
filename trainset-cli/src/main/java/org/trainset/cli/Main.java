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
      CommandLine cl = commandLine(rest);
      cl.setOut(o);
      cl.setErr(e);
      ExitCodes.configure(cl, debug);
      String[] argv = rest.toArray(String[]::new);
      CommandLine.ParameterException unknown = unknownVerb(cl, argv);
      if (unknown != null) return ExitCodes.handleParameter(unknown, argv);
      return cl.execute(argv);
    } catch (OutOfMemoryError oom) {
      // thrown outside a verb (picocli passes Errors through); verbs' own go through ExitCodes
      return ExitCodes.outOfMemory(null, e, oom, debug);
    } finally {
      o.flush();
      e.flush();
    }
  }

  /**
   * picocli skips its unmatched-argument check when --help is also given, so
   * {@code trainset serve --help} printed the top-level help with exit 0 although there is no
   * verb {@code serve}. Every word where a verb (or a group's sub-verb) is expected must name one:
   * otherwise it is a usage error (exit 2), help or not.
   */
  private static CommandLine.ParameterException unknownVerb(CommandLine root, String[] args) {
    CommandLine c = root;
    for (String a : args) {
      if (c.getSubcommands().isEmpty() || a.startsWith("-")) return null;
      CommandLine next = c.getSubcommands().get(a);
      if (next == null) return new CommandLine.UnmatchedArgumentException(c, List.of(a));
      c = next;
    }
    return null;
  }

  static CommandLine commandLine() {
    return commandLine(List.of());
  }

  /**
   * The command tree for {@code args}: when the leading words name one verb ({@code dedup images},
   * {@code convert}), only that verb and its group are built, since picocli reflects over every
   * option of every command it is given: the whole tree cost about a second of CPU at each start
   * (half of {@code trainset dedup images}' start-up on 2,000 images). Anything else (no verb,
   * an unknown word, a group alone, top-level options) gets the whole tree, for help, suggestions
   * and usage errors.
   */
  static CommandLine commandLine(List<String> args) {
    CommandLine root = configure(new CommandLine(new TrainsetCommand()));
    Map<Class<?>, CommandLine> groups = new HashMap<>();
    List<Verb> verbs = ServiceLoader.load(Verb.class).stream().map(ServiceLoader.Provider::get)
        .sorted(java.util.Comparator.comparing(v -> name(v.getClass()))).toList();
    Verb only = named(verbs, args);
    for (Verb v : verbs) {
      if (only != null && v != only) continue;
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

  /** The verb the leading words of {@code args} name exactly, or null. */
  private static Verb named(List<Verb> verbs, List<String> args) {
    if (args.isEmpty() || args.get(0).startsWith("-")) return null;
    for (Verb v : verbs) {
      if (v.group() == null) {
        if (name(v.getClass()).equals(args.get(0))) return v;
      } else if (args.size() > 1 && name(v.group()).equals(args.get(0)) && name(v.getClass()).equals(args.get(1))) {
        return v;
      }
    }
    return null;
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
