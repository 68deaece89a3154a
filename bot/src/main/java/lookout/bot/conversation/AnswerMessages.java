package lookout.bot.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lookout.adapters.chat.Message;
import lookout.adapters.chat.Part;
import lookout.agent.Answer;
import lookout.approvals.Action;
import lookout.approvals.Approvals;

/**
 * Turns an agent {@link Answer} into a neutral {@link Message}: summary, evidence sections, and one
 * button per suggested action. Pressing such a button requests the action; it never runs it.
 */
public final class AnswerMessages {
  static final String OFFLINE_NOTE =
      "Offline mode: answered by Lookout's built-in analyzers (no LLM configured).";

  private final Approvals approvals;
  private final ChartImages charts = new ChartImages();

  public AnswerMessages(Approvals approvals) {
    this.approvals = approvals;
  }

  public Message render(Answer answer) {
    return render(answer, null);
  }

  /**
   * As {@link #render(Answer)}, leaving out each suggested action the policy would refuse for
   * {@code requester} — who presses the button requests it — and saying why in text instead.
   *
   * @param requester the asker, or null when not known (then every suggestion is a button)
   */
  public Message render(Answer answer, String requester) {
    List<Part> parts = new ArrayList<>();
    for (Answer.Section s : answer.sections()) {
      String text = String.join("\n", s.lines());
      if (s.code()) {
        if (!s.heading().isBlank()) {
          parts.add(new Part.Section(s.heading(), ""));
        }
        parts.add(new Part.Code(text));
      } else {
        parts.add(new Part.Section(s.heading().isBlank() ? null : s.heading(), text));
      }
    }
    for (Part chart : charts.of(answer.charts())) {
      parts.add(chart);
    }
    if (!answer.choices().isEmpty()) {
      parts.add(new Part.Actions(choices(answer.choices())));
    }
    List<Part.Button> buttons = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    for (Action action : answer.suggestions()) {
      var refusal =
          requester == null
              ? java.util.Optional.<String>empty()
              : approvals.refusal(action, requester);
      if (refusal.isPresent()) {
        refused.add("Not offered: " + action.describe() + " — " + refusal.get());
      } else {
        buttons.add(
            new Part.Button(label(action), approvals.proposalToken(action), Part.Style.DEFAULT));
      }
    }
    if (!buttons.isEmpty()) {
      parts.add(new Part.Actions(buttons));
    }
    for (String line : refused) {
      parts.add(new Part.Note(line));
    }
    if (answer.degraded()) {
      parts.add(new Part.Note(OFFLINE_NOTE));
    }
    return new Message(answer.summary(), parts);
  }

  /**
   * One button per follow-up question, its value the signed question: a click can ask only what the
   * answer offered. A question too long for a button stays in the text above instead.
   */
  private List<Part.Button> choices(List<Answer.Choice> choices) {
    List<Part.Button> buttons = new ArrayList<>();
    for (Answer.Choice choice : choices) {
      try {
        buttons.add(
            new Part.Button(
                choice.label(), approvals.questionToken(choice.question()), Part.Style.DEFAULT));
      } catch (IllegalArgumentException e) {
        // too long to sign into a button value: the answer's sections name it anyway
      }
    }
    return buttons;
  }

  /** "Restart checkout", "Scale checkout to 3": what the button will ask approval for. */
  static String label(Action action) {
    if (action instanceof lookout.approvals.Operation) {
      // "Roll back deployment staging/checkout to revision 22", "Drain node node-4"
      String d = action.describe();
      return "Request: " + d.substring(0, 1).toUpperCase(Locale.ROOT) + d.substring(1);
    }
    String verb =
        action.kind().substring(0, 1).toUpperCase(Locale.ROOT) + action.kind().substring(1);
    return "Request: " + verb + " " + action.describe().replaceFirst("^\\S+ ", "");
  }
}
