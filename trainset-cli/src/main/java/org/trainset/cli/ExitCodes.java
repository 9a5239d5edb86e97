package org.trainset.cli;

import java.io.FileNotFoundException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import org.trainset.core.UnknownFormatException;
import org.trainset.core.convert.StrictLossException;
import org.trainset.core.env.MissingRequirementException;
import org.trainset.core.io.InputException;
import picocli.CommandLine;

/** The one place where failures become exit codes and messages. */
public final class ExitCodes {
  public static final int OK = 0;
  public static final int FINDINGS = 1;
  public static final int USAGE = 2;
  public static final int INPUT = 3;
  public static final int INTERNAL = 4;

  private ExitCodes() {}

  /**
   * Installs the exception handling on {@code root} and all its subcommands; with {@code debug}
   * internal errors print their stack trace. Errors thrown by a verb (an {@link OutOfMemoryError}
   * above all) are caught here too, where picocli would let them escape.
   */
  static void configure(CommandLine root, boolean debug) {
    root.setExecutionExceptionHandler((e, cmd, parsed) -> handleExecution(e, cmd, debug));
    CommandLine.IExecutionStrategy run = new CommandLine.RunLast();
    root.setExecutionStrategy(parsed -> {
      try {
        return run.execute(parsed);
      } catch (OutOfMemoryError oom) {
        List<CommandLine> chain = parsed.asCommandLineList();
        CommandLine verb = chain.get(chain.size() - 1);
        return outOfMemory(verb, verb.getErr(), oom, debug);
      }
    });
  }

  /** One line naming TRAINSET_JAVA_OPTS, exit 4; the stack trace only with {@code --debug}. */
  static int outOfMemory(CommandLine cmd, PrintWriter err, OutOfMemoryError oom, boolean debug) {
    String name = cmd == null ? "trainset" : cmd.getCommandSpec().qualifiedName();
    err.println(name + ": internal error: out of memory (" + (oom.getMessage() == null ? "Java heap" : oom.getMessage())
        + "); give Java more with TRAINSET_JAVA_OPTS, e.g. TRAINSET_JAVA_OPTS=-Xmx4g (maximum now "
        + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB)");
    if (debug) oom.printStackTrace(err);
    err.flush();
    return INTERNAL;
  }

  /** picocli hook for exceptions thrown by verbs. */
  static int handleExecution(Exception e, CommandLine cmd, boolean debug) {
    Throwable t = unwrap(e);
    OutOfMemoryError oom = outOfMemoryCause(e);
    if (oom != null) return outOfMemory(cmd, cmd.getErr(), oom, debug);
    int code = codeFor(t);
    String prefix = switch (code) {
      case USAGE -> "usage error: ";
      case INPUT -> "input error: ";
      case FINDINGS -> "";
      default -> "internal error: ";
    };
    cmd.getErr().println("trainset " + cmd.getCommandName() + ": " + prefix + message(t));
    if (code == INTERNAL && debug) {
      t.printStackTrace(cmd.getErr());
    }
    cmd.getErr().flush();
    return code;
  }

  /** picocli hook for bad arguments: message plus the verb's usage, exit 2. */
  static int handleParameter(CommandLine.ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    cmd.getErr().println("trainset: " + e.getMessage());
    if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, cmd.getErr())) {
      cmd.usage(cmd.getErr());
    }
    return USAGE;
  }

  static int codeFor(Throwable t) {
    if (t instanceof UsageException || t instanceof UnknownFormatException
        || t instanceof CommandLine.ParameterException) {
      return USAGE;
    }
    // File-system refusals (missing, permission, a folder where a file was expected) and text
    // that is not valid in its encoding are problems with the input, not with trainset.
    if (t instanceof InputException || t instanceof MissingRequirementException || t instanceof FileSystemException
        || t instanceof FileNotFoundException || t instanceof CharacterCodingException) {
      return INPUT;
    }
    if (t instanceof StrictLossException || t instanceof FindingsException) {
      return FINDINGS;
    }
    return INTERNAL;
  }

  /** An OutOfMemoryError anywhere in the cause chain (a worker thread's, wrapped by its future). */
  private static OutOfMemoryError outOfMemoryCause(Throwable t) {
    for (int depth = 0; t != null && depth < 20; t = t.getCause(), depth++) {
      if (t instanceof OutOfMemoryError oom) return oom;
    }
    return null;
  }

  private static Throwable unwrap(Throwable t) {
    while ((t instanceof UncheckedIOException || t instanceof CommandLine.ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  /** The option that raises a parse limit, by the rule an {@link InputException} names. */
  private static final java.util.Map<String, String> LIMIT_OPTIONS = java.util.Map.of(
      "max-string-length", "--max-string-length", "max-nesting", "--max-nesting", "max-file-size", "--max-file-size");

  private static String message(Throwable t) {
    if (t instanceof InputException in) {
      String option = in.rule() == null ? null : LIMIT_OPTIONS.get(in.rule());
      return in.getMessage() + (option == null ? "" : " (" + option + " raises it)");
    }
    if (t instanceof NoSuchFileException n) return n.getFile() + ": no such file or directory";
    if (t instanceof AccessDeniedException a) return a.getFile() + ": permission denied";
    if (t instanceof FileSystemException f) return f.getFile() + ": " + f.getReason();
    String m = t.getMessage();
    return m == null ? t.getClass().getSimpleName() : m;
  }
}
