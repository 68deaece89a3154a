package lookout.bot.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No package of the main code depends on itself through others: each job can be read, moved or
 * tested starting from the packages below it. Dependencies are read from imports and from fully
 * qualified names in code (comments stripped, so Javadoc links do not count).
 */
class PackageCyclesTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final List<String> MODULES =
      List.of("knowledge", "approvals", "agent", "adapters", "bot", "testing");
  private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
  private static final Pattern REFERENCE =
      Pattern.compile("\\b(lookout(?:\\.[a-z][a-z0-9]*)+)\\.[A-Z]");
  private static final Pattern COMMENTS =
      Pattern.compile("//[^\\n]*|/\\*.*?\\*/|\"(?:\\\\.|[^\"\\\\])*\"", Pattern.DOTALL);

  @Test
  void main_code_has_no_package_cycles() throws IOException {
    Map<String, Set<String>> graph = graph();
    assertThat(graph).as("packages found").hasSizeGreaterThan(20);
    assertThat(cycles(graph)).as("package cycles (each a strongly connected group)").isEmpty();
  }

  @Test
  void a_cycle_is_found_when_there_is_one() {
    Map<String, Set<String>> graph = new TreeMap<>();
    graph.put("a", Set.of("b"));
    graph.put("b", Set.of("c"));
    graph.put("c", Set.of("a"));
    graph.put("d", Set.of("a"));
    assertThat(cycles(graph)).containsExactly(List.of("a", "b", "c"));
  }

  static Map<String, Set<String>> graph() throws IOException {
    Map<String, Set<String>> graph = new TreeMap<>();
    for (String module : MODULES) {
      try (Stream<Path> files =
          Files.walk(ModuleBoundariesTest.folder(module).resolve("src/main/java"))) {
        for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
          String source = Files.readString(file);
          Matcher pkg = PACKAGE.matcher(source);
          if (!pkg.find()) {
            continue;
          }
          String from = pkg.group(1);
          Set<String> to = graph.computeIfAbsent(from, k -> new TreeSet<>());
          Matcher ref = REFERENCE.matcher(COMMENTS.matcher(source).replaceAll(" "));
          while (ref.find()) {
            if (!ref.group(1).equals(from)) {
              to.add(ref.group(1));
            }
          }
        }
      }
    }
    return graph;
  }

  /** Tarjan's strongly connected components with more than one package, members sorted. */
  static List<List<String>> cycles(Map<String, Set<String>> graph) {
    Map<String, Integer> index = new HashMap<>();
    Map<String, Integer> low = new HashMap<>();
    Deque<String> stack = new ArrayDeque<>();
    Set<String> onStack = new TreeSet<>();
    List<List<String>> out = new ArrayList<>();
    for (String v : graph.keySet()) {
      if (!index.containsKey(v)) {
        connect(v, graph, index, low, stack, onStack, out);
      }
    }
    return out;
  }

  private static void connect(
      String v,
      Map<String, Set<String>> graph,
      Map<String, Integer> index,
      Map<String, Integer> low,
      Deque<String> stack,
      Set<String> onStack,
      List<List<String>> out) {
    index.put(v, index.size());
    low.put(v, index.get(v));
    stack.push(v);
    onStack.add(v);
    for (String w : graph.getOrDefault(v, Set.of())) {
      if (!index.containsKey(w)) {
        connect(w, graph, index, low, stack, onStack, out);
        low.put(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.contains(w)) {
        low.put(v, Math.min(low.get(v), index.get(w)));
      }
    }
    if (low.get(v).equals(index.get(v))) {
      List<String> component = new ArrayList<>();
      String w;
      do {
        w = stack.pop();
        onStack.remove(w);
        component.add(w);
      } while (!w.equals(v));
      if (component.size() > 1) {
        out.add(component.stream().sorted().toList());
      }
    }
  }
}
