package lookout.approvals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyLoaderTest {
  private static final String RULE =
      "rules:\n  - namespaces: [prod]\n    approvers: [\"group:sre\"]\n";
  private static final String GROUPS = "groups:\n  sre: [console:alice]\n";

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          bare user id      | rules: [{namespaces: [prod], approvers: [bob]}]                 | p.yaml: rules[0].approvers[0]: "bob" is not a platform-qualified user id — expected platform:id (e.g. slack:U0123) or group:<name>
          unknown top key   | ttl2: 5m\\n@RULE                                                 | p.yaml: ttl2: unknown key — expected one of ttl, proposalTtl, selfApproval, groups, rules
          unknown rule key  | rules: [{namespaces: [prod], approver: [slack:U1]}]             | p.yaml: rules[0].approver: unknown key — expected one of name, clusters,
          unknown group     | @GROUPS rules: [{namespaces: [prod], approvers: ["group:ops"]}] | p.yaml: rules[0].approvers[0]: unknown group "ops" — defined groups: sre
          no groups at all  | rules: [{namespaces: [prod], approvers: ["group:ops"]}]         | unknown group "ops" — no groups are defined under groups:
          number as ttl     | ttl: 15\\n@RULE                                                  | p.yaml: ttl: 15 is not a duration — expected a number and a unit s, m, h or d
          bad unit          | ttl: 15x\\n@RULE                                                 | p.yaml: ttl: "15x" is not a duration
          zero ttl          | ttl: 0s\\n@RULE                                                  | p.yaml: ttl: "0s" is zero — expected a positive duration
          ttl too long      | ttl: 30d\\n@RULE                                                 | p.yaml: ttl: "30d" is too long — expected at most 168h
          rule ttl          | rules: [{namespaces: [prod], approvers: [slack:U1], ttl: soon}] | p.yaml: rules[0].ttl: "soon" is not a duration
          not a boolean     | selfApproval: maybe\\n@RULE                                      | p.yaml: selfApproval: "maybe" is not a boolean — expected true or false
          negative replicas | rules: [{namespaces: [prod], approvers: [slack:U1], maxReplicas: -1}] | p.yaml: rules[0].maxReplicas: -1 is not allowed — expected a whole number >= 0
          fraction replicas | rules: [{namespaces: [prod], approvers: [slack:U1], maxReplicas: 2.5}] | p.yaml: rules[0].maxReplicas: 2.5 is not allowed
          unknown action    | rules: [{namespaces: [prod], approvers: [slack:U1], actions: [delete]}] | p.yaml: rules[0].actions[0]: "delete" is not an action — expected one of restart, scale
          no namespaces     | rules: [{approvers: [slack:U1]}]                                | p.yaml: rules[0]: missing key namespaces — expected a list of names or globs
          no approvers      | rules: [{namespaces: [prod]}]                                   | p.yaml: rules[0]: missing key approvers — expected a list of user ids or groups
          empty approvers   | rules: [{namespaces: [prod], approvers: []}]                    | p.yaml: rules[0].approvers: [] is not allowed — expected at least one approver (to forbid an action, use requesters: [])
          scalar namespaces | rules: [{namespaces: prod, approvers: [slack:U1]}]              | p.yaml: rules[0].namespaces: "prod" is not a list — expected a list, e.g. [prod, "prod-*"]
          bad namespace     | rules: [{namespaces: [Prod_1], approvers: [slack:U1]}]          | p.yaml: rules[0].namespaces[0]: "Prod_1" is not a namespace name or glob — expected lowercase letters
          bad cluster       | rules: [{clusters: ["eu 1"], namespaces: [a], approvers: [slack:U1]}] | p.yaml: rules[0].clusters[0]: "eu 1" is not a cluster name or glob
          group in group    | groups: {sre: ["group:ops"], ops: [slack:U1]}\\n@RULE            | p.yaml: groups.sre[0]: "group:ops" is not a platform-qualified user id — expected platform:id (e.g. slack:U0123); groups cannot contain groups
          bad group name    | groups: {"s r e": [slack:U1]}\\n@RULE                            | p.yaml: groups.s r e: "s r e" is not a group name
          no rules          | ttl: 5m                                                         | p.yaml: rules: missing — expected a non-empty list of rules
          rules not a list  | rules: everything                                               | p.yaml: rules: "everything" is not allowed — expected a non-empty list of rules
          rule not a map    | rules: [prod]                                                   | p.yaml: rules[0]: "prod" is not a rule — expected a mapping with keys name, clusters
          unreachable rule  | rules: [{namespaces: ["*"], approvers: [slack:U1]}, {namespaces: [prod], approvers: [slack:U2]}] | p.yaml: rules[1]: can never match — rules[0] already covers every cluster, namespace and action (first match wins)
          zero approvals    | rules: [{namespaces: [prod], approvers: [slack:U1], approvals: 0}] | p.yaml: rules[0].approvals: 0 is not allowed — expected a whole number from 1 to 10
          text approvals    | rules: [{namespaces: [prod], approvers: [slack:U1], approvals: two}] | p.yaml: rules[0].approvals: "two" is not allowed — expected a whole number >= 0
          quorum too big    | @GROUPS rules: [{namespaces: [prod], approvers: ["group:sre", slack:U1], approvals: 3}] | p.yaml: rules[0].approvals: 3 distinct approvers can never be found — approvers name only 2 (console:alice, slack:U1)
          empty document    | ''                                                              | p.yaml: got an empty document — expected a mapping with keys ttl, proposalTtl, selfApproval, groups, rules
          top-level list    | [a, b]                                                          | p.yaml: got ["a","b"] — expected a mapping
          broken yaml       | 'rules: [ {namespaces: [prod]'                                  | p.yaml: line 1, column 29: not valid YAML
          duplicate key     | ttl: 5m\\nttl: 6m\\n@RULE                                         | p.yaml: line 2, column 4: not valid YAML: Duplicate field 'ttl'
          """)
  void policy_errors_name_key_and_value(String name, String yaml, String expected) {
    String text = yaml.replace("\\n", "\n").replace("@RULE", RULE).replace("@GROUPS ", GROUPS);

    assertThatThrownBy(() -> PolicyLoader.parse(text, "p.yaml"))
        .isInstanceOf(PolicyException.class)
        .hasMessageContaining(expected);
  }

  @Test
  void the_complete_example_in_policy_md_loads_as_documented() throws Exception {
    String doc = Files.readString(Path.of("POLICY.md"));
    int start = doc.indexOf("```yaml", doc.indexOf("## Complete example")) + "```yaml".length();
    String yaml = doc.substring(start, doc.indexOf("```", start));

    Policy policy = PolicyLoader.parse(yaml, "POLICY.md");

    PolicyRule prod = policy.rules().get(0);
    PolicyRule staging = policy.rules().get(1);
    assertThat(prod.requiredApprovals()).isEqualTo(2);
    assertThat(prod.selfApproval()).isFalse();
    assertThat(prod.maxReplicas()).hasValue(20);
    assertThat(staging.requiredApprovals()).isEqualTo(1);
    assertThat(policy.ruleFor(new ScaleWorkload("eu", "staging", "Deployment", "a", 1)))
        .contains(staging);
  }

  @Test
  void every_problem_is_reported_at_once() {
    String yaml = "ttl: 1y\nselfApproval: 3\nrules: [{namespaces: [prod], approvers: [bob]}]\n";

    assertThatThrownBy(() -> PolicyLoader.parse(yaml, "p.yaml"))
        .isInstanceOf(PolicyException.class)
        .satisfies(
            e ->
                assertThat(e.getMessage().lines())
                    .hasSize(3)
                    .allMatch(line -> line.startsWith("p.yaml: "))
                    .anyMatch(line -> line.startsWith("p.yaml: ttl:"))
                    .anyMatch(line -> line.startsWith("p.yaml: selfApproval:"))
                    .anyMatch(line -> line.startsWith("p.yaml: rules[0].approvers[0]:")));
  }

  @Test
  void documented_example_loads_with_defaults_applied(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("policy.yaml");
    Files.writeString(
        file,
        """
        ttl: 10m
        groups:
          sre: [console:alice, console:bob, slack:U0123]
        rules:
          - name: prod
            clusters: ["*"]
            namespaces: ["prod", "prod-*"]
            actions: [restart, scale]
            approvers: ["group:sre"]
            maxReplicas: 20
            ttl: 1h30m
          - namespaces: ["*"]
            requesters: ["group:sre"]
            approvers: ["group:sre", "console:dave"]
            selfApproval: true
        """);

    Policy policy = PolicyLoader.load(file);

    assertThat(policy.ttl()).isEqualTo(Duration.ofMinutes(10));
    assertThat(policy.proposalTtl()).isEqualTo(Duration.ofHours(1));
    assertThat(policy.selfApproval()).isFalse();
    PolicyRule prod = policy.rules().get(0);
    assertThat(prod.label()).isEqualTo("prod");
    assertThat(prod.requesters()).containsExactly("*");
    assertThat(prod.maxReplicas()).isEqualTo(OptionalInt.of(20));
    assertThat(prod.allowScaleToZero()).isFalse();
    assertThat(prod.ttl()).isEqualTo(Duration.ofMinutes(90));
    PolicyRule rest = policy.rules().get(1);
    assertThat(rest.label()).isEqualTo("rules[1]");
    assertThat(rest.clusters()).containsExactly("*");
    assertThat(rest.actions()).isEqualTo(Set.of("restart", "scale", "silence"));
    assertThat(rest.selfApproval()).isTrue();
    assertThat(rest.ttl()).isEqualTo(Duration.ofMinutes(10));
    assertThat(policy.ruleFor(new RestartDeployment("c", "prod-eu", "x"))).contains(prod);
    assertThat(policy.ruleFor(new RestartDeployment("c", "production", "x"))).contains(rest);
  }

  @Test
  void missing_file_is_named() {
    assertThatThrownBy(() -> PolicyLoader.load(Path.of("/nonexistent/policy.yaml")))
        .isInstanceOf(PolicyException.class)
        .hasMessageStartingWith("cannot read policy file /nonexistent/policy.yaml");
  }

  @Test
  void sandbox_default_lets_sre_approve_in_staging_and_prod() {
    Policy policy = Policy.sandboxDefault();

    assertThat(policy.ttl()).isEqualTo(Duration.ofMinutes(15));
    assertThat(policy.selfApproval()).isFalse();
    assertThat(policy.groups())
        .containsEntry("sre", List.of("console:alice", "console:bob", "console:carol"));
    assertThat(policy.rules().get(0).requiredApprovals()).isEqualTo(2);
    for (String ns : List.of("staging", "prod")) {
      PolicyRule rule = policy.checkRequest(new RestartDeployment("sandbox", ns, "x"), "slack:U9");
      assertThat(rule.approvers()).containsExactly("group:sre");
    }
    assertThatThrownBy(
            () ->
                policy.checkRequest(
                    new RestartDeployment("sandbox", "kube-system", "x"), "console:alice"))
        .hasMessage("restart in kube-system is not allowed (policy rule system namespaces)");
  }

  @Test
  void requesters_list_limits_who_may_ask() {
    Policy policy =
        PolicyLoader.parse(
            GROUPS
                + "rules: [{namespaces: [prod], requesters: [\"group:sre\"], approvers:"
                + " [slack:U1]}]",
            "p.yaml");

    assertThat(policy.checkRequest(Fixture.RESTART, "console:alice").label()).isEqualTo("rules[0]");
    assertThatThrownBy(() -> policy.checkRequest(Fixture.RESTART, "console:eve"))
        .hasMessage("console:eve may not request restart in prod (policy rule rules[0])");
    assertThatThrownBy(
            () -> policy.checkRequest(new RestartDeployment("c", "dev", "x"), "slack:U1"))
        .hasMessage(
            "no policy rule covers restart in namespace dev on cluster c,"
                + " so nobody may request it");
  }
}
