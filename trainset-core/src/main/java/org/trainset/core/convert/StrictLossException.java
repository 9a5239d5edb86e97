package org.trainset.core.convert;

/** Thrown in strict conversions instead of dropping or changing data. */
public class StrictLossException extends RuntimeException {
  public StrictLossException(String message) {
    super(message);
  }
}
