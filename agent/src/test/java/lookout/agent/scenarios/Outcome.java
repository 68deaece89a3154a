package lookout.agent.scenarios;

import java.util.List;
import lookout.agent.sandbox.ScenarioApiServer.Request;

/**
 * How one question of one scenario went.
 *
 * @param problems expectation words missing or present that must not be, and errors
 * @param writes requests that changed, or dry-ran a change to, the cluster: never allowed
 * @param requested the action the answer asked approval for, or null; a question is never a request
 *     (in the bot a requested action goes on to a server-side dry run and an approval card), so a
 *     question answered with one fails
 */
public record Outcome(
    Scenario scenario,
    Probe probe,
    String answer,
    List<String> problems,
    List<Request> writes,
    String requested,
    long millis) {
  public Outcome {
    problems = List.copyOf(problems);
    writes = List.copyOf(writes);
  }

  public boolean passed() {
    return problems.isEmpty() && writes.isEmpty() && requested == null;
  }

  /** True when answering the question sent a write or a dry run to the API server. */
  public boolean wrote() {
    return !writes.isEmpty();
  }
}
