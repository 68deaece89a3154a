package lookout.adapters.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import lookout.adapters.chat.Inbound;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlackEventsTest {
  private static SlackEvent parse(String json) {
    return SlackEvents.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  private static String callback(String event) {
    return "{\"type\":\"event_callback\",\"event_id\":\"Ev9\","
        + "\"authorizations\":[{\"user_id\":\"UBOT\",\"is_bot\":true}],\"event\":"
        + event
        + "}";
  }

  @Test
  void url_verification_returns_the_challenge() {
    assertThat(parse("{\"type\":\"url_verification\",\"challenge\":\"abc\",\"token\":\"t\"}"))
        .isEqualTo(new SlackEvent.Challenge("abc"));
  }

  @Test
  void a_mention_is_answered_in_a_new_thread_under_it_without_the_markup() {
    SlackEvent event =
        parse(SignedRequests.mention("Ev1", "U1", "C1", "111.222", null, "<@UBOT> why &lt;x&gt;?"));

    Inbound in = ((SlackEvent.ForBot) event).inbound();
    assertThat(in.eventId()).isEqualTo("Ev1");
    assertThat(in.conversation().platform()).isEqualTo("slack");
    assertThat(in.conversation().channel()).isEqualTo("C1");
    assertThat(in.conversation().thread()).isEqualTo("111.222");
    assertThat(in.messageId()).isEqualTo("111.222");
    assertThat(in.user().qualified()).isEqualTo("slack:U1");
    assertThat(in.text()).isEqualTo("why <x>?");
  }

  @Test
  void a_mention_inside_a_thread_is_answered_in_that_thread() {
    SlackEvent event = parse(SignedRequests.mention("Ev1", "U1", "C1", "5.6", "1.2", "<@UBOT> hi"));

    assertThat(((SlackEvent.ForBot) event).inbound().conversation().thread()).isEqualTo("1.2");
  }

  @Test
  void a_direct_message_is_answered_in_the_channel() {
    SlackEvent event =
        parse(
            callback(
                "{\"type\":\"message\",\"channel_type\":\"im\",\"user\":\"U1\","
                    + "\"channel\":\"D1\",\"ts\":\"3.4\",\"text\":\"help\"}"));

    Inbound in = ((SlackEvent.ForBot) event).inbound();
    assertThat(in.conversation().channel()).isEqualTo("D1");
    assertThat(in.conversation().thread()).isNull();
    assertThat(in.text()).isEqualTo("help");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "another bot | {\"type\":\"app_mention\",\"user\":\"U2\",\"bot_id\":\"B2\",\"channel\":\"C1\",\"ts\":\"1.1\",\"text\":\"x\"}",
        "the bot itself | {\"type\":\"message\",\"channel_type\":\"im\",\"user\":\"UBOT\",\"channel\":\"D1\",\"ts\":\"1.1\",\"text\":\"x\"}",
        "an edit | {\"type\":\"message\",\"channel_type\":\"im\",\"subtype\":\"message_changed\",\"user\":\"U1\",\"channel\":\"D1\",\"ts\":\"1.1\"}",
        "a channel message | {\"type\":\"message\",\"channel_type\":\"channel\",\"user\":\"U1\",\"channel\":\"C1\",\"ts\":\"1.1\",\"text\":\"x\"}",
        "a reaction | {\"type\":\"reaction_added\",\"user\":\"U1\"}",
      })
  void what_is_not_for_the_bot_is_ignored(String name, String event) {
    assertThat(parse(callback(event))).isInstanceOf(SlackEvent.Ignored.class);
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "not json | not valid JSON",
        "[1,2] | expected a JSON object",
        "{\"type\":\"event_callback\",\"event\":{}} | event_id",
        "{\"type\":\"event_callback\",\"event_id\":\"Ev1\"} | event: expected an object",
        "{\"type\":\"event_callback\",\"event_id\":\"Ev1\",\"event\":{\"type\":\"app_mention\",\"user\":\"U1\",\"ts\":\"1.1\"}} | event.Ev1.channel",
        "{\"type\":\"url_verification\"} | challenge",
      })
  void malformed_bodies_are_refused_naming_the_field(String body, String named) {
    assertThatThrownBy(() -> parse(body))
        .isInstanceOf(BadSlackRequest.class)
        .hasMessageContaining(named);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = "=>",
      value = {
        "<@UBOT> restart checkout => UBOT => restart checkout",
        "<@UBOT|lookout> status => UBOT => status",
        "hey <@UBOT> tell <@U2|bob> => UBOT => hey tell @bob",
        "<@UX> hi => => hi",
        "see <https://x.io/a|the page> and <https://y.io> => UBOT => see the page and https://y.io",
        "a &amp;&amp; b => UBOT => a && b",
      })
  void mention_markup_becomes_plain_text(String raw, String bot, String plain) {
    assertThat(MentionText.strip(raw, bot)).isEqualTo(plain);
  }
}
