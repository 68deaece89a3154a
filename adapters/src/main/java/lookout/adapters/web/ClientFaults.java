package lookout.adapters.web;

import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.StreamResetException;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;

/**
 * Tells failures the client caused (it hung up mid-upload, sent a malformed chunk or an oversized
 * line) from failures of our own. A client's fault is logged at DEBUG without a stack trace: anyone
 * who can reach the server can cause as many as they like, and an ERROR each would bury the errors
 * that matter.
 */
public final class ClientFaults {
  private static final String NETTY_CODEC = "io.netty.handler.codec.";

  private ClientFaults() {}

  /** True when {@code failure} (or a cause of it) came from the client or its connection. */
  public static boolean isClientFault(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof HttpClosedException
          || t instanceof StreamResetException
          || t instanceof ClosedChannelException
          // "Connection reset by peer", "Broken pipe": the socket went away under us.
          || t instanceof IOException
          // Netty's HTTP decoder refusing what came over the wire (bad chunk size, line too long).
          || t.getClass().getName().startsWith(NETTY_CODEC)
          || thrownByDecoder(t)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Netty's HTTP decoder also throws plain JDK exceptions for bad input (a chunk size that is not
   * hex is a {@link NumberFormatException}): what threw it tells.
   */
  private static boolean thrownByDecoder(Throwable t) {
    StackTraceElement[] stack = t.getStackTrace();
    return stack.length > 0 && stack[0].getClassName().startsWith(NETTY_CODEC);
  }

  /** One line for a DEBUG log: the exception's class and message, no stack trace. */
  public static String brief(Throwable failure) {
    return failure == null
        ? "no failure"
        : failure.getClass().getSimpleName() + ": " + failure.getMessage();
  }
}
