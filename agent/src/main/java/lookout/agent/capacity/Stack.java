package lookout.agent.capacity;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The runtime a workload is built on, from its labels ({@code app.kubernetes.io/runtime}, {@code
 * runtime}, {@code language}) or else its image names: patterns per stack show up in right-sizing
 * (JVMs that reserve heap they never touch, Node processes pinned to one core).
 */
public enum Stack {
  JAVA("Java"),
  GO("Go"),
  PYTHON("Python"),
  NODE("Node.js"),
  OTHER("other");

  private final String label;

  Stack(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Stack of(Map<String, String> labels, List<String> images) {
    for (String key : List.of("app.kubernetes.io/runtime", "runtime", "language")) {
      String v = labels.get(key);
      if (v != null) {
        Stack s = guess(v);
        if (s != OTHER) {
          return s;
        }
      }
    }
    for (String image : images) {
      Stack s = guess(image);
      if (s != OTHER) {
        return s;
      }
    }
    return OTHER;
  }

  private static Stack guess(String text) {
    String t = text.toLowerCase(Locale.ROOT);
    if (t.matches(".*(openjdk|temurin|jdk|jre|java|corretto|spring|zulu|liberica|quarkus).*")) {
      return JAVA;
    }
    if (t.matches(".*(golang|(^|[/:-])go($|[/:-])|distroless/static).*")) {
      return GO;
    }
    if (t.matches(".*(python|django|flask|gunicorn|uvicorn|fastapi).*")) {
      return PYTHON;
    }
    if (t.matches(".*(^|[/:-])(node|nodejs|next|nestjs|deno|bun)($|[/:-]).*")) {
      return NODE;
    }
    return OTHER;
  }
}
