package org.trainset.cli;

/** The command line asks for something impossible (exit code 2). */
public class UsageException extends RuntimeException {
  public UsageException(String message) {
    super(message);
  }
}
