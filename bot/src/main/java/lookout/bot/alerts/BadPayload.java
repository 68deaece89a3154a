package lookout.bot.alerts;

/** A webhook body Lookout cannot accept; the message names the field and what is wrong. */
public class BadPayload extends RuntimeException {
  public BadPayload(String message) {
    super(message);
  }
}
