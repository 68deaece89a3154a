package lookout.adapters.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import lookout.adapters.chat.MessageFixtures;
import org.junit.jupiter.api.Test;

/**
 * The posts a long answer becomes, as a golden file next to the renderer's ({@code
 * -Dlookout.golden.update=true} rewrites it; review the diff).
 */
class SlackPostPlanTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path GOLDEN = Path.of("src/test/resources/lookout/adapters/slack/golden");

  @Test
  void the_too_long_fixture_becomes_two_messages_and_one_excerpt_file() throws Exception {
    SlackPostPlan plan = SlackPostPlan.of(MessageFixtures.tooLongAnswer(), new BlockKitRenderer());
    ObjectNode actual = JSON.createObjectNode();
    ArrayNode messages = actual.putArray("messages");
    for (BlockKitRenderer.Rendered m : plan.messages()) {
      messages.addObject().put("text", m.text()).set("blocks", m.blocks());
    }
    ArrayNode files = actual.putArray("files");
    for (SlackPostPlan.SlackFile f : plan.files()) {
      files
          .addObject()
          .put("filename", f.filename())
          .put("title", f.title())
          .put("content", f.content());
    }

    String name = "too-long-answer-post.json";
    if (Boolean.getBoolean("lookout.golden.update")) {
      Files.writeString(
          GOLDEN.resolve(name),
          JSON.writerWithDefaultPrettyPrinter().writeValueAsString(actual) + "\n");
    }
    try (InputStream in = getClass().getResourceAsStream("golden/" + name)) {
      assertThat(in).as("golden file golden/%s", name).isNotNull();
      assertThat(actual).isEqualTo(JSON.readTree(in));
    }
  }
}
