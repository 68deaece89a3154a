package lookout.agent.llm;

import java.net.http.HttpTimeoutException;
import java.util.concurrent.TimeoutException;
import lookout.agent.redact.Redactor;

/** Describes a failed model call for a person, without the API key or any other secret. */
final class ModelFailure {
  private ModelFailure() {}

  static boolean timeout(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof HttpTimeoutException
          || t instanceof TimeoutException
          || t instanceof java.net.SocketTimeoutException
          || t.getClass().getSimpleName().contains("Timeout")) {
        return true;
      }
    }
    return false;
  }

  static String describe(Throwable e, String apiKey) {
    if (timeout(e)) {
      return "no reply in time";
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message =
        root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return clean(message, apiKey);
  }

  /**
   * {@code text} on one line, at most 160 characters, with the key (whole or its longer fragments:
   * an error body may echo a prefix) and anything the redactor knows as a secret removed.
   */
  static String clean(String text, String apiKey) {
    String message = text.replaceAll("\\s+", " ");
    if (apiKey != null && apiKey.length() >= 8) {
      message = message.replace(apiKey, "***");
      // providers echo a masked key ("sk-abc***xyz") or its first characters
      message = message.replace(apiKey.substring(0, Math.min(12, apiKey.length())), "***");
    }
    message = Redactor.redact(message);
    return message.length() > 160 ? message.substring(0, 160) + "…" : message;
  }
}
