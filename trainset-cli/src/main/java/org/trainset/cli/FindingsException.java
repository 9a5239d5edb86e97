package org.trainset.cli;

/** The work ran but found problems the user asked to fail on (exit code 1). */
public class FindingsException extends RuntimeException {
  public FindingsException(String message) {
    super(message);
  }
}
