package lookout.adapters.slack;

/** A verified request whose body is not what Slack sends; the message names the field. */
final class BadSlackRequest extends RuntimeException {
  BadSlackRequest(String message) {
    super(message, null, false, false);
  }
}
