package lookout.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PrometheusRule's groups are valid Prometheus rules, as checked by Prometheus' promtool. */
class AlertRulesTest {
  @TempDir Path dir;

  @Test
  void the_rendered_rules_pass_promtool() throws Exception {
    Path promtool = Path.of("/usr/bin/promtool");
    assumeTrue(Files.isExecutable(promtool), "promtool not installed (Debian: prometheus)");
    var spec = Chart.production().one("PrometheusRule").path("spec");
    Path rules = dir.resolve("rules.yaml");
    new ObjectMapper(new YAMLFactory()).writeValue(rules.toFile(), spec);

    Process check =
        new ProcessBuilder(promtool.toString(), "check", "rules", rules.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(check.getInputStream().readAllBytes());
    assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();

    assertThat(check.exitValue()).as(output).isZero();
    assertThat(output).contains("SUCCESS: 4 rules found");
  }
}
