package lookout.agent.llm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The system prompt, a reviewed resource ({@code lookout/agent/llm/system-prompt.md}). It holds
 * nothing that changes between questions (no time, no tool outages): with the tool schemas it is
 * the byte-identical prefix providers cache, so repeated questions are billed less.
 */
final class SystemPrompt {
  static final String RESOURCE = "/lookout/agent/llm/system-prompt.md";
  private final String template;

  SystemPrompt() {
    try (InputStream in = SystemPrompt.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("while reading " + RESOURCE, e);
    }
  }

  String render(String cluster) {
    return template.replace("{{cluster}}", cluster);
  }
}
