package org.trainset.server;

/**
 * A failure the client caused or must know about, with its HTTP status. {@code error} is a short
 * stable code ({@code bad_request}, {@code not_found}, ...); {@code detail} says what was wrong,
 * naming the field when a field was wrong.
 */
public final class ApiException extends RuntimeException {
  private final int status;
  private final String error;

  public ApiException(int status, String error, String detail) {
    super(detail);
    this.status = status;
    this.error = error;
  }

  public int status() { return status; }
  public String error() { return error; }

  public static ApiException badRequest(String detail) { return new ApiException(400, "bad_request", detail); }
  public static ApiException unauthorized(String detail) { return new ApiException(401, "unauthorized", detail); }
  public static ApiException forbidden(String detail) { return new ApiException(403, "forbidden", detail); }
  public static ApiException notFound(String what) { return new ApiException(404, "not_found", what + " not found"); }
  public static ApiException conflict(String detail) { return new ApiException(409, "conflict", detail); }
  public static ApiException tooLarge(String detail) { return new ApiException(413, "too_large", detail); }
}
