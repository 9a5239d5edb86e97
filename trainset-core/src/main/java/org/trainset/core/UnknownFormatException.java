package org.trainset.core;

/** A format id nobody registered; callers treat it as a usage error. */
public class UnknownFormatException extends IllegalArgumentException {
  public UnknownFormatException(String message) {
    super(message);
  }
}
