package lookout.adapters.feishu;

import static org.assertj.core.api.Assertions.assertThat;

import com.lark.oapi.core.utils.Jsons;
import com.lark.oapi.service.im.v1.model.P2MessageReceiveV1;
import java.util.Optional;
import lookout.adapters.chat.Inbound;
import org.junit.jupiter.api.Test;

class FeishuInboundTest {
  static final SignedFeishuRequests EVENTS = new SignedFeishuRequests(1, "unused", "tok");

  private static Optional<Inbound> read(String botOpenId, String json) {
    return new FeishuInbound(botOpenId)
        .message(Jsons.DEFAULT.fromJson(json, P2MessageReceiveV1.class));
  }

  @Test
  void without_the_bots_open_id_a_rich_text_mention_is_still_for_the_bot() {
    String post =
        "{\"title\":\"\",\"content\":[[{\"tag\":\"at\",\"user_id\":\"@_user_1\"},"
            + "{\"tag\":\"text\",\"text\":\" 重启 checkout\"}]]}";
    String event =
        EVENTS.message(
            "ev1",
            "ou_carol",
            "oc_ops",
            "group",
            "om_1",
            "post",
            post,
            new String[] {"@_user_1", "ou_somebot", "Lookout"});

    assertThat(read(null, event)).map(Inbound::text).contains("重启 checkout");
  }

  @Test
  void with_the_bots_open_id_a_message_mentioning_only_others_is_ignored() {
    String event =
        EVENTS.message(
            "ev2",
            "ou_carol",
            "oc_ops",
            "group",
            "om_2",
            "@_user_1 午饭？",
            new String[] {"@_user_1", "ou_dave", "Dave"});

    assertThat(read("ou_bot", event)).isEmpty();
  }

  @Test
  void an_apps_own_message_and_an_image_are_not_questions() {
    String fromApp =
        EVENTS
            .message("ev3", "ou_carol", "oc_dm", "p2p", "om_3", "hi")
            .replace("\"user\"", "\"app\"");
    String image =
        EVENTS.message(
            "ev4", "ou_carol", "oc_dm", "p2p", "om_4", "image", "{\"image_key\":\"img_x\"}");

    assertThat(read("ou_bot", fromApp)).isEmpty();
    assertThat(read("ou_bot", image)).isEmpty();
  }
}
