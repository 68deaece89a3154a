package lookout.adapters.console;

/**
 * A request the console API refuses: the HTTP status and one sentence saying what is wrong and
 * where. Thrown by parsing and checks, turned into {@code {"error": ...}} by {@link Replies}.
 */
final class ApiError extends RuntimeException {
  private final int status;

  ApiError(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  int status() {
    return status;
  }

  static ApiError badRequest(String message) {
    return new ApiError(400, message);
  }
}
