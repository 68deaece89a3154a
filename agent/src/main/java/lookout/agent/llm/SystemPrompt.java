package lookout.agent.llm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A system prompt, a reviewed resource. Two of them: {@link #BRIEF} for a question's first round
 * trip (answer from the diagnosis, or ask for the tools) and {@link #FULL} for round trips with all
 * tools. Neither holds anything that changes between questions (no time, no tool outages): each is
 * a byte-identical prefix providers can cache, the full one together with the tool schemas.
 */
final class SystemPrompt {
  static final String FULL = "/lookout/agent/llm/system-prompt.md";
  static final String BRIEF = "/lookout/agent/llm/brief-prompt.md";
  private final String resource;
  private final String template;

  SystemPrompt(String resource) {
    this.resource = resource;
    try (InputStream in = SystemPrompt.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("while reading " + resource, e);
    }
  }

  String render(String cluster) {
    return template.replace("{{cluster}}", cluster).strip();
  }

  @Override
  public String toString() {
    return resource;
  }
}
