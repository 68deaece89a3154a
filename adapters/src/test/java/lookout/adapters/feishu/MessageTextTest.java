package lookout.adapters.feishu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MessageTextTest {
  static final MessageText.Mention BOT = new MessageText.Mention("@_user_1", "Lookout", true);
  static final MessageText.Mention WANG = new MessageText.Mention("@_user_2", "王小明", false);

  @Test
  void the_bots_mention_is_removed_and_other_people_keep_their_names() {
    String text =
        MessageText.of(
            "text", "{\"text\":\"@_user_1 帮 @_user_2 看看 checkout 为什么一直重启？\"}", List.of(BOT, WANG));

    assertThat(text).isEqualTo("帮 @王小明 看看 checkout 为什么一直重启？");
  }

  @Test
  void placeholder_ten_is_not_mistaken_for_placeholder_one() {
    var ten = new MessageText.Mention("@_user_10", "Zhao", false);
    String text =
        MessageText.of("text", "{\"text\":\"@_user_1 ask @_user_10\"}", List.of(BOT, ten));

    assertThat(text).isEqualTo("ask @Zhao");
  }

  @Test
  void rich_text_keeps_its_title_runs_and_lines() {
    String post =
        """
        {"title":"排障","content":[[{"tag":"at","user_id":"@_user_1","user_name":"Lookout"},
        {"tag":"text","text":" restart "},{"tag":"text","text":"checkout in staging"}],
        [{"tag":"a","text":"runbook","href":"https://example.com"}]]}""";

    assertThat(MessageText.of("post", post, List.of(BOT)))
        .isEqualTo("排障\nrestart checkout in staging\nrunbook");
  }

  @Test
  void rich_text_wrapped_in_a_locale_is_read_too() {
    String post = "{\"zh_cn\":{\"title\":\"\",\"content\":[[{\"tag\":\"text\",\"text\":\"状态\"}]]}}";

    assertThat(MessageText.of("post", post, List.of())).isEqualTo("状态");
  }

  @Test
  void content_that_is_not_json_is_refused_naming_the_field() {
    assertThatThrownBy(() -> MessageText.of("text", "not json", List.of()))
        .isInstanceOf(BadFeishuRequest.class)
        .hasMessageContaining("message.content");
  }
}
