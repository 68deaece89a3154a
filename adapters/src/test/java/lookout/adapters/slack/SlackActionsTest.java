package lookout.adapters.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import lookout.adapters.chat.Click;
import org.junit.jupiter.api.Test;

class SlackActionsTest {
  private static byte[] form(String payload) {
    return ("payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8))
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void a_button_press_becomes_a_click_by_the_slack_user_on_that_message() {
    var clicks =
        SlackActions.parse(form(SignedRequests.buttonPress("U2", "C1", "9.9", "1.2", "tok-1")));

    assertThat(clicks).hasSize(1);
    Click click = clicks.get(0);
    assertThat(click.user().qualified()).isEqualTo("slack:U2");
    assertThat(click.token()).isEqualTo("tok-1");
    assertThat(click.message().messageId()).isEqualTo("9.9");
    assertThat(click.message().conversation().channel()).isEqualTo("C1");
    assertThat(click.message().conversation().thread()).isEqualTo("1.2");
  }

  @Test
  void other_interactions_carry_no_clicks() {
    assertThat(SlackActions.parse(form("{\"type\":\"view_submission\",\"user\":{\"id\":\"U1\"}}")))
        .isEmpty();
  }

  @Test
  void a_form_without_payload_is_refused() {
    assertThatThrownBy(() -> SlackActions.parse("x=1".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(BadSlackRequest.class)
        .hasMessageContaining("payload");
  }

  @Test
  void a_press_without_a_user_is_refused() {
    assertThatThrownBy(
            () -> SlackActions.parse(form("{\"type\":\"block_actions\",\"actions\":[]}")))
        .isInstanceOf(BadSlackRequest.class)
        .hasMessageContaining("user.id");
  }
}
