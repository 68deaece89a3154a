package lookout.bot.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The dependency rules of DESIGN.md, checked on the sources: arrows only point down the module
 * table; adapters never see the agent; the agent never sees a chat platform; the shared test
 * support ({@code testing}) is seen by every module's tests and by no main code.
 */
class ModuleBoundariesTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern IMPORT =
      Pattern.compile("^import (?:static )?(lookout\\.[a-z]+)", Pattern.MULTILINE);
  private static final Pattern PLATFORM_SDK =
      Pattern.compile(
          "^import (?:static )?(com\\.slack\\.|com\\.lark\\.|me\\.chanjar\\.weixin\\.|lookout\\.adapters)",
          Pattern.MULTILINE);

  private static final Map<String, Set<String>> ALLOWED =
      Map.of(
          "knowledge", Set.of("knowledge"),
          "approvals", Set.of("approvals"),
          "agent", Set.of("agent", "knowledge", "approvals"),
          "adapters", Set.of("adapters"),
          "bot", Set.of("bot", "knowledge", "approvals", "agent", "adapters"),
          "testing", Set.of("testing"));

  @ParameterizedTest
  @ValueSource(strings = {"knowledge", "approvals", "agent", "adapters", "bot", "testing"})
  void module_imports_only_what_it_may_depend_on(String module) throws IOException {
    List<String> violations = new ArrayList<>();
    for (Path file : javaFiles(module)) {
      boolean test = file.startsWith(folder(module).resolve("src/test"));
      Matcher m = IMPORT.matcher(Files.readString(file));
      while (m.find()) {
        String target = m.group(1).substring("lookout.".length());
        if (!ALLOWED.get(module).contains(target) && !(test && target.equals("testing"))) {
          violations.add(ROOT.relativize(file) + " imports lookout." + target);
        }
      }
    }
    assertThat(violations).as("imports that break the module rules").isEmpty();
  }

  @Test
  void agent_never_sees_a_chat_platform() throws IOException {
    List<String> violations = new ArrayList<>();
    for (Path file : javaFiles("agent")) {
      Matcher m = PLATFORM_SDK.matcher(Files.readString(file));
      if (m.find()) {
        violations.add(ROOT.relativize(file) + " imports " + m.group(1));
      }
    }
    assertThat(violations).isEmpty();
  }

  @Test
  void each_module_has_sources_in_its_own_root_package() throws IOException {
    for (String module : ALLOWED.keySet()) {
      for (Path file : javaFiles(module)) {
        String relative = folder(module).relativize(file).toString().replace('\\', '/');
        assertThat(relative).as("package of " + file).contains("/java/lookout/" + module + "/");
      }
    }
  }

  /** The shared test support nests in approvals/ so the top level stays as specified. */
  static Path folder(String module) {
    return ROOT.resolve(module.equals("testing") ? "approvals/testing" : module);
  }

  private static List<Path> javaFiles(String module) throws IOException {
    Path src = folder(module).resolve("src");
    assertThat(src).as("module folder").isDirectory();
    try (Stream<Path> files = Files.walk(src)) {
      return files.filter(p -> p.toString().endsWith(".java")).toList();
    }
  }
}
