package lookout.agent.tools;

import dev.langchain4j.agent.tool.ToolSpecification;
import java.util.List;

/**
 * Tools that are not annotated methods of Lookout's own tool classes — those of connected MCP
 * servers — joined to a question's {@link Toolbox}. Results go through the toolbox like any other
 * (redaction, {@code ERROR: …} for failures).
 */
public interface ToolSource {
  /** No extra tools. */
  ToolSource NONE =
      new ToolSource() {
        @Override
        public List<ToolSpecification> specifications() {
          return List.of();
        }

        @Override
        public String execute(String name, String arguments, Proposals proposals) {
          return "ERROR: there is no tool named " + name;
        }

        @Override
        public List<String> unavailable() {
          return List.of();
        }
      };

  /** The tools available now; a server that is down contributes none. */
  List<ToolSpecification> specifications();

  /**
   * Runs one of {@link #specifications()}'s tools, or records it in {@code proposals} when it may
   * only run after approval.
   *
   * @param arguments the model's JSON arguments
   * @return compact text within the tool budget; {@code ERROR: …} rather than an exception
   */
  String execute(String name, String arguments, Proposals proposals);

  /** One line per source of tools that is unavailable now, saying why ("MCP server k8s: …"). */
  List<String> unavailable();
}
