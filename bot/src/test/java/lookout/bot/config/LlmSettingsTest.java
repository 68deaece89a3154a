package lookout.bot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LlmSettingsTest {
  static final String KEY = "sk-proj-abcdefghijklmnopqrstuvwxyz012345";
  @TempDir Path dir;

  private LookoutConfig load(String yaml, Map<String, String> env) throws Exception {
    Path file = dir.resolve("lookout.yaml");
    Files.writeString(file, yaml);
    return new ConfigLoader(env).load(file, ConfigLoader.Overrides.none());
  }

  @Test
  void no_llm_block_means_the_offline_agent() throws Exception {
    assertThat(load("server:\n  port: 1\n", Map.of()).llm().enabled()).isFalse();
  }

  @Test
  void a_deepseek_block_with_the_key_from_the_environment_binds_and_hides_the_key()
      throws Exception {
    LlmSettings llm =
        load(
                "llm:\n  baseUrl: https://api.deepseek.com/v1\n  apiKey: ${DEEPSEEK_KEY}\n"
                    + "  model: deepseek-chat\n  timeout: 30s\n  temperature: 0.2\n  maxSteps: 4\n",
                Map.of("DEEPSEEK_KEY", KEY))
            .llm();

    var o = llm.options().orElseThrow();
    assertThat(o.model()).isEqualTo("deepseek-chat");
    assertThat(o.apiKey()).isEqualTo(KEY);
    assertThat(o.timeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(o.temperature()).isEqualTo(0.2);
    assertThat(o.maxSteps()).isEqualTo(4);
    assertThat(llm.toString()).doesNotContain(KEY);
  }

  @Test
  void an_ollama_block_needs_no_key() throws Exception {
    var o =
        load("llm:\n  baseUrl: http://127.0.0.1:11434/v1\n  model: qwen2.5:7b\n", Map.of())
            .llm()
            .options()
            .orElseThrow();
    assertThat(o.baseUrl()).isEqualTo("http://127.0.0.1:11434/v1");
  }

  @Test
  void bad_values_are_named_and_the_key_is_never_echoed() {
    assertThatThrownBy(
            () ->
                load(
                    "llm:\n  baseUrl: api.openai.com\n  apiKey: "
                        + KEY
                        + "\n  temperature: hot\n  maxSteps: 0\n  color: blue\n",
                    Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("llm.baseUrl")
        .hasMessageContaining("llm.model")
        .hasMessageContaining("llm.temperature")
        .hasMessageContaining("llm.maxSteps")
        .hasMessageContaining("llm.color")
        .hasMessageNotContaining(KEY);
  }

  @Test
  void prometheus_entries_name_a_cluster_and_one_kind_of_auth() throws Exception {
    var p =
        load(
                "prometheus:\n  - cluster: sandbox\n    url: http://prometheus:9090\n"
                    + "    bearerToken: abcdefabcdefabcdef\n",
                Map.of())
            .prometheus();
    assertThat(p.forCluster("sandbox"))
        .get()
        .extracting(e -> e.url().toString())
        .isEqualTo("http://prometheus:9090");
    assertThat(p.forCluster("sandbox").orElseThrow().toString()).doesNotContain("abcdefabcdef");

    assertThatThrownBy(
            () ->
                load(
                    "prometheus:\n  - cluster: sandbox\n    url: http://p:9090\n"
                        + "    bearerToken: abc\n    username: u\n    password: secretpw\n",
                    Map.of()))
        .hasMessageContaining("either bearerToken or username/password")
        .hasMessageNotContaining("secretpw");
  }
}
