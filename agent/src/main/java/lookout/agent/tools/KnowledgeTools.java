package lookout.agent.tools;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;

/** Runbook and past-incident search for the model. */
public final class KnowledgeTools {
  private final KnowledgeService knowledge;

  public KnowledgeTools(KnowledgeService knowledge) {
    this.knowledge = knowledge;
  }

  @Tool(
      name = "search_knowledge",
      value = "Search runbooks and past incidents, e.g. 'OOMKilled memory limit'.")
  public String search(@P("search words") String query) {
    return Budget.cut(knowledge.search(query), 2_500, "more specific words");
  }
}
