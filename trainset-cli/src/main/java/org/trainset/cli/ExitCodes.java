package org.trainset.cli;

import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.trainset.core.UnknownFormatException;
import org.trainset.core.convert.StrictLossException;
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

  /** picocli hook for exceptions thrown by verbs. */
  static int handleExecution(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
    Throwable t = unwrap(e);
    int code = codeFor(t);
    String prefix = switch (code) {
      case USAGE -> "usage error: ";
      case INPUT -> "input error: ";
      case FINDINGS -> "";
      default -> "internal error: ";
    };
    cmd.getErr().println("trainset " + cmd.getCommandName() + ": " + prefix + message(t));
    if (code == INTERNAL) {
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
    if (t instanceof InputException || t instanceof FileSystemException
        || t instanceof FileNotFoundException || t instanceof CharacterCodingException) {
      return INPUT;
    }
    if (t instanceof StrictLossException || t instanceof FindingsException) {
      return FINDINGS;
    }
    return INTERNAL;
  }

  private static Throwable unwrap(Throwable t) {
    while ((t instanceof UncheckedIOException || t instanceof CommandLine.ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  private static String message(Throwable t) {
    if (t instanceof NoSuchFileException n) return n.getFile() + ": no such file or directory";
    if (t instanceof AccessDeniedException a) return a.getFile() + ": permission denied";
    if (t instanceof FileSystemException f) return f.getFile() + ": " + f.getReason();
    String m = t.getMessage();
    return m == null ? t.getClass().getSimpleName() : m;
  }
}
