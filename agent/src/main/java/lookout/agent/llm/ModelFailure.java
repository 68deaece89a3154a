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
    if (apiKey != null && !apiKey.isEmpty()) {
      message = message.replace(apiKey, "***");
    }
    message = Redactor.redact(message.replaceAll("\\s+", " "));
    return message.length() > 160 ? message.substring(0, 160) + "…" : message;
  }
}
