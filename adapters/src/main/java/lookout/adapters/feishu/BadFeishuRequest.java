package lookout.adapters.feishu;

/** A verified request whose body is not what Feishu sends; the message names the field. */
final class BadFeishuRequest extends RuntimeException {
  BadFeishuRequest(String message) {
    super(message, null, false, false);
  }
}
