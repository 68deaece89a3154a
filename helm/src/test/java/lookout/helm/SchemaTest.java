package lookout.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.LintResult;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code helm lint} passes; bad values are refused by the schema or the chart, naming the key. */
class SchemaTest {
  @Test
  void the_chart_lints_clean_in_strict_mode() {
    LintResult lint = Chart.helm().lint().strict().call();

    assertThat(lint.isFailed()).as("%s", lint.getMessages()).isFalse();
  }

  static Stream<Arguments> badValues() {
    return Stream.of(
        Arguments.of("replicaCount", 0, "replicaCount"),
        Arguments.of("securityContext.readOnlyRootFilesystem", false, "readOnlyRootFilesystem"),
        Arguments.of("securityContext.allowPrivilegeEscalation", true, "allowPrivilegeEscalation"),
        Arguments.of("podSecurityContext.runAsNonRoot", false, "runAsNonRoot"),
        Arguments.of("rbac.actionNamespaces[0]", "*", "actionNamespaces"),
        Arguments.of("rbac.clusterWideActions", true, "clusterWideActions"),
        Arguments.of("service.targetPort", 80, "targetPort"),
        Arguments.of("config.server.port", 9090, "server"),
        Arguments.of("config.approvals.signingKey", "a-literal-key-in-values", "signingKey"),
        Arguments.of("config.database.url", "mysql://db/lookout", "url"),
        Arguments.of("image.pullPolicy", "Sometimes", "pullPolicy"),
        Arguments.of("ingress.paths[0]", "slack/events", "paths"));
  }

  @ParameterizedTest
  @MethodSource("badValues")
  void bad_values_are_refused_naming_the_key(String key, Object value, String named) {
    assertThatThrownBy(() -> Chart.template(null, Map.of(key, value)))
        .hasMessageContaining("values don't meet the specifications of the schema")
        .hasMessageContaining(named);
  }

  @Test
  void several_replicas_on_sqlite_are_refused() {
    assertThatThrownBy(() -> Chart.template(null, Map.of("replicaCount", 2)))
        .hasMessageContaining("replicaCount > 1 needs PostgreSQL");
  }

  @Test
  void several_replicas_without_a_shared_signing_key_are_refused() {
    assertThatThrownBy(
            () ->
                Chart.template(
                    null,
                    Map.of(
                        "replicaCount",
                        2,
                        "config.database.url",
                        "jdbc:postgresql://db:5432/lookout")))
        .hasMessageContaining("shared button signing key");
  }
}
