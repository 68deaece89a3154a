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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lookout.agent.redact.Redactor;

/**
 * The tools of one question: their specifications for the model and one place that runs a call.
 * Every result is redacted here, so no tool can leak a secret by forgetting to; a failing tool
 * becomes an {@code ERROR: …} result the model can read, never an exception.
 */
public final class Toolbox {
  private final List<ToolSpecification> specifications = new ArrayList<>();
  private final Map<String, ToolExecutor> executors = new LinkedHashMap<>();

  public Toolbox(List<Object> tools) {
    for (Object tool : tools) {
      for (Method m : tool.getClass().getDeclaredMethods()) {
        if (m.isAnnotationPresent(Tool.class)) {
          ToolSpecification spec = ToolSpecifications.toolSpecificationFrom(m);
          specifications.add(spec);
          executors.put(spec.name(), new DefaultToolExecutor(tool, m));
        }
      }
    }
    ToolSpecifications.validateSpecifications(specifications);
  }

  public List<ToolSpecification> specifications() {
    return List.copyOf(specifications);
  }

  public ToolCall execute(ToolExecutionRequest request) {
    ToolExecutor executor = executors.get(request.name());
    String args = request.arguments() == null ? "{}" : request.arguments();
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
    if (result == null || result.isBlank()) {
      result = "NO_DATA: empty result";
    }
    result = Redactor.redact(result);
    return new ToolCall(request.name(), args, ToolCall.outcomeOf(result), result);
  }
}
