package lookout.agent.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import lookout.agent.Answer;
import lookout.agent.Question;
import org.junit.jupiter.api.Test;

class RedactingAgentTest {
  @Test
  void an_offline_answer_quoting_a_secret_reaches_chat_redacted() {
    String secret = "Zx" + java.util.UUID.randomUUID().toString().replace("-", "");
    var agent =
        new RedactingAgent(
            q ->
                new Answer(
                    "checkout crashed: password=" + secret,
                    List.of(
                        new Answer.Section(
                            "Log", List.of("connect postgres://app:" + secret + "@db/x"), true)),
                    List.of(),
                    Optional.empty(),
                    true));

    Answer answer = agent.ask(new Question("why", "console:a"));

    assertThat(answer.toString()).doesNotContain(secret).contains("postgres://app:[REDACTED]@db/x");
    assertThat(answer.degraded()).isTrue();
  }
}
