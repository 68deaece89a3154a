package lookout.agent.tools;

import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.agent.tool.ToolSpecifications;
import dev.langchain4j.invocation.InvocationContext;
import dev.langchain4j.service.tool.DefaultToolExecutor;
import dev.langchain4j.service.tool.ToolExecutionResult;
import dev.langchain4j.service.tool.ToolExecutor;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lookout.agent.redact.Redactor;

/**
 * The tools of one question: their specifications for the model and one place that runs a call.
 * Every result is redacted here, so no tool can leak a secret by forgetting to; a failing tool
 * becomes an {@code ERROR: …} result the model can read, never an exception.
 */
public final class Toolbox {
  private final List<ToolSpecification> specifications = new ArrayList<>();
  private final Map<String, ToolExecutor> executors = new LinkedHashMap<>();
  private final ToolSource extra;
  private final Set<String> extraNames = new HashSet<>();
  private final List<String> unavailable;
  private final Proposals proposals;

  public Toolbox(List<Object> tools) {
    this(tools, ToolSource.NONE, new Proposals());
  }

  /**
   * Lookout's annotated tool objects plus {@code extra}'s tools as they are now (a server that goes
   * down during the question keeps its tools listed; calling them returns an error).
   */
  public Toolbox(List<Object> tools, ToolSource extra, Proposals proposals) {
    this.extra = extra;
    this.proposals = proposals;
    this.unavailable = List.copyOf(extra.unavailable());
    for (Object tool : tools) {
      for (Method m : tool.getClass().getDeclaredMethods()) {
        if (m.isAnnotationPresent(Tool.class)) {
          ToolSpecification spec = ToolSpecifications.toolSpecificationFrom(m);
          specifications.add(spec);
          executors.put(spec.name(), new DefaultToolExecutor(tool, m));
        }
      }
    }
    for (ToolSpecification spec : extra.specifications()) {
      specifications.add(spec);
      extraNames.add(spec.name());
    }
    ToolSpecifications.validateSpecifications(specifications);
  }

  public List<ToolSpecification> specifications() {
    return List.copyOf(specifications);
  }

  /** Tool sources that were down when this toolbox was made, one line each, for the answer. */
  public List<String> unavailable() {
    return unavailable;
  }

  public ToolCall execute(ToolExecutionRequest request) {
    ToolExecutor executor = executors.get(request.name());
    String args = request.arguments() == null ? "{}" : request.arguments();
    if (executor == null && extraNames.contains(request.name())) {
      return finish(request.name(), args, runExtra(request.name(), args));
    }
    if (executor == null) {
      return new ToolCall(
          request.name(), args, "error", "ERROR: there is no tool named " + request.name());
    }
    String result;
    try {
      ToolExecutionResult r =
          executor.executeWithContext(request, InvocationContext.builder().build());
      // langchain4j turns a throwing tool into an error result carrying the exception's message
      result =
          r.isError() ? "ERROR: " + request.name() + " failed: " + r.resultText() : r.resultText();
    } catch (RuntimeException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      result = "ERROR: " + request.name() + " failed: " + cause.getMessage();
    }
    return finish(request.name(), args, result);
  }

  private String runExtra(String name, String args) {
    try {
      return extra.execute(name, args, proposals);
    } catch (RuntimeException e) {
      return "ERROR: " + name + " failed: " + e.getMessage();
    }
  }

  private static ToolCall finish(String name, String args, String raw) {
    String result = raw == null || raw.isBlank() ? "NO_DATA: empty result" : raw;
    result = Redactor.redact(result);
    return new ToolCall(name, args, ToolCall.outcomeOf(result), result);
  }
}
