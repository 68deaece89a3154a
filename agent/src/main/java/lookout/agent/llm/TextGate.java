package lookout.agent.llm;

import java.util.function.Consumer;

/**
 * Decides which streamed content a person may see as it arrives: the answer's prose, not a tool
 * call some servers write into the text ({@code <tool_call>…}, a bare JSON object, a fenced JSON
 * block) nor a {@code <think>} block reasoning models put before the answer. Content is held until
 * its first characters say which it is; prose is then passed on, and anything after a tool-call
 * marker in the middle is held back. The complete text is cleaned again at the end ({@link
 * TextToolCalls}).
 */
final class TextGate {
  private static final int DECIDE_AFTER = 12;

  private enum State {
    UNDECIDED,
    PROSE,
    HELD,
    THINKING
  }

  private final Consumer<String> out;
  private final StringBuilder pending = new StringBuilder();
  private State state = State.UNDECIDED;

  TextGate(Consumer<String> out) {
    this.out = out;
  }

  void accept(String delta) {
    if (delta == null || delta.isEmpty() || state == State.HELD) {
      return;
    }
    pending.append(delta);
    if (state == State.THINKING) {
      int end = pending.indexOf("</think>");
      if (end < 0) {
        return;
      }
      pending.delete(0, end + "</think>".length());
      state = State.UNDECIDED;
    }
    if (state == State.UNDECIDED) {
      String head = pending.toString().stripLeading();
      if (head.startsWith("<think>")) {
        state = State.THINKING;
        pending.setLength(0);
        pending.append(head.substring("<think>".length()));
        accept("");
        return;
      }
      if (head.isEmpty() || undecided(head)) {
        return;
      }
      if (TextToolCalls.looksLikeCall(head)) {
        state = State.HELD;
        return;
      }
      state = State.PROSE;
      pending.setLength(0);
      pending.append(head);
    }
    String text = pending.toString();
    pending.setLength(0);
    int marker = text.indexOf("<tool_call>");
    if (marker >= 0) {
      text = text.substring(0, marker);
      state = State.HELD;
    }
    if (!text.isEmpty()) {
      out.accept(text);
    }
  }

  /** Too short to tell a tool call or a think block from prose. */
  private static boolean undecided(String head) {
    boolean marker =
        head.length() < "<tool_call>".length()
            && ("<tool_call>".startsWith(head) || "<think>".startsWith(head));
    boolean fence = head.startsWith("`") && head.length() < DECIDE_AFTER;
    return marker || fence;
  }

  /** The end of the stream: short prose still pending is passed on. */
  void finish() {
    if (state == State.UNDECIDED) {
      String head = pending.toString().strip();
      if (!head.isEmpty() && !TextToolCalls.looksLikeCall(head)) {
        out.accept(pending.toString());
      }
      pending.setLength(0);
    }
  }
}
