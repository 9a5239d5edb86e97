package org.trainset.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the real CLI entry point in-process and captures what it prints. */
public final class Cli {
  private Cli() {}

  public record Result(int exitCode, String out, String err) {
    /** The first line of stdout. */
    public String firstLine() {
      int nl = out.indexOf('\n');
      return (nl < 0 ? out : out.substring(0, nl)).strip();
    }

    @Override public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  public static Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** {@link #run} with {@code input} as standard input (for `--password-stdin`). */
  public static Result runWithStdin(String input, String... args) {
    java.io.InputStream before = System.in;
    System.setIn(new java.io.ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
    try {
      return run(args);
    } finally {
      System.setIn(before);
    }
  }
}
