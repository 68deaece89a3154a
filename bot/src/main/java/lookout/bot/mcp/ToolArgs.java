package lookout.bot.mcp;

import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The parameters of one tool: its JSON Schema for {@code tools/list}, and the check of a call's
 * arguments, which answers a JSON-RPC "invalid params" error naming the argument at fault.
 */
record ToolArgs(List<Param> params) {
  /** Kubernetes names (RFC 1123 subdomain) for namespaces, workloads, pods, containers. */
  private static final Pattern KUBE_NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");

  enum Type {
    KUBE_NAME,
    TEXT,
    INTEGER,
    BOOLEAN
  }

  record Param(String name, Type type, boolean required, String description) {}

  static Param required(String name, Type type, String description) {
    return new Param(name, type, true, description);
  }

  static Param optional(String name, Type type, String description) {
    return new Param(name, type, false, description);
  }

  static ToolArgs of(Param... params) {
    return new ToolArgs(List.of(params));
  }

  Map<String, Object> schema() {
    Map<String, Object> properties = new LinkedHashMap<>();
    for (Param p : params) {
      String json =
          switch (p.type()) {
            case KUBE_NAME, TEXT -> "string";
            case INTEGER -> "integer";
            case BOOLEAN -> "boolean";
          };
      properties.put(p.name(), Map.of("type", json, "description", p.description()));
    }
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "object");
    schema.put("properties", properties);
    schema.put("required", params.stream().filter(Param::required).map(Param::name).toList());
    schema.put("additionalProperties", false);
    return schema;
  }

  /** The checked arguments of one call. */
  final class Values {
    private final Map<String, Object> values;

    private Values(Map<String, Object> values) {
      this.values = values;
    }

    Optional<String> text(String name) {
      return Optional.ofNullable((String) values.get(name));
    }

    String need(String name) {
      return text(name).orElseThrow();
    }

    Optional<Integer> integer(String name) {
      return Optional.ofNullable((Integer) values.get(name));
    }

    Optional<Boolean> bool(String name) {
      return Optional.ofNullable((Boolean) values.get(name));
    }
  }

  /**
   * @throws McpError INVALID_PARAMS naming an unknown, missing or ill-typed argument
   */
  Values read(String tool, Map<String, Object> given) {
    Map<String, Object> args = given == null ? Map.of() : given;
    for (String name : args.keySet()) {
      if (params.stream().noneMatch(p -> p.name().equals(name))) {
        throw invalid(
            tool,
            "unknown argument '"
                + name
                + "' — expected "
                + (params.isEmpty() ? "none" : params.stream().map(Param::name).toList()));
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Param p : params) {
      Object v = args.get(p.name());
      if (v == null || (v instanceof String s && s.isBlank())) {
        if (p.required()) {
          throw invalid(tool, "missing argument '" + p.name() + "' (" + p.description() + ")");
        }
        continue;
      }
      out.put(p.name(), check(tool, p, v));
    }
    return new Values(out);
  }

  private static Object check(String tool, Param p, Object v) {
    return switch (p.type()) {
      case KUBE_NAME -> {
        if (!(v instanceof String s) || !KUBE_NAME.matcher(s).matches()) {
          throw invalid(
              tool, "argument '" + p.name() + "' must be a Kubernetes name, got " + show(v));
        }
        yield s;
      }
      case TEXT -> {
        if (!(v instanceof String s) || s.length() > 500) {
          throw invalid(tool, "argument '" + p.name() + "' must be text of at most 500 characters");
        }
        yield s;
      }
      case INTEGER -> {
        if (!(v instanceof Number n)
            || n.doubleValue() != Math.rint(n.doubleValue())
            || Math.abs(n.doubleValue()) > 1_000_000) {
          throw invalid(tool, "argument '" + p.name() + "' must be a whole number, got " + show(v));
        }
        yield n.intValue();
      }
      case BOOLEAN -> {
        if (!(v instanceof Boolean b)) {
          throw invalid(tool, "argument '" + p.name() + "' must be true or false, got " + show(v));
        }
        yield b;
      }
    };
  }

  static McpError invalid(String tool, String message) {
    return McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS)
        .message(tool + ": " + message)
        .build();
  }

  private static String show(Object v) {
    String s = String.valueOf(v);
    return s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }
}
