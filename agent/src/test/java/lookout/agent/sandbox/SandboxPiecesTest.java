package lookout.agent.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The sandbox's small rules, without a server. */
class SandboxPiecesTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          '{"a":1,"b":{"c":2}}' | '{"b":{"c":null,"d":3}}' | '{"a":1,"b":{"d":3}}'
          '{"a":[1,2]}'         | '{"a":[3]}'              | '{"a":[3]}'
          '{"a":1}'             | '{"a":null}'             | '{}'
          """)
  void merge_patch_follows_rfc_7386(String target, String patch, String expected) {
    assertThat(MergePatch.apply(Json.parse(target), Json.parse(patch)))
        .isEqualTo(Json.parse(expected));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          'a\\nb\\nc\\n' | 2 |     | 'b\\nc\\n'
          'a\\nb\\nc\\n' |   | 3   | 'a\\nb'
          'a\\nb\\nc'    | 5 |     | 'a\\nb\\nc'
          'a\\nb\\nc\\n' | 0 |     | ''
          """)
  void log_bounds_apply_tail_lines_then_limit_bytes(
      String text, Integer tail, Integer bytes, String expected) {
    assertThat(PodLogEndpoint.bound(text.replace("\\n", "\n"), tail, bytes))
        .isEqualTo(expected.replace("\\n", "\n"));
  }

  @Test
  void field_selectors_name_unsupported_fields() {
    assertThatThrownBy(() -> FieldSelector.parse("spec.bogus=1", "events"))
        .hasMessage("field label not supported: spec.bogus (resource events)");
  }

  @Test
  void field_selectors_match_equal_and_not_equal() {
    var event = Json.parse("{\"involvedObject\":{\"name\":\"a\"},\"type\":\"Warning\"}");
    assertThat(FieldSelector.parse("involvedObject.name=a,type!=Normal", "events").matches(event))
        .isTrue();
    assertThat(FieldSelector.parse("involvedObject.name==b", "events").matches(event)).isFalse();
  }

  @Test
  void seed_time_placeholders_become_instants_before_start() {
    SeedText seed = new SeedText(Instant.parse("2026-01-10T12:00:00.123Z"));
    assertThat(seed.resolve("at ${ago:90s} and ${ago:2h} and ${ago:3d}"))
        .isEqualTo("at 2026-01-10T11:58:30Z and 2026-01-10T10:00:00Z and 2026-01-07T12:00:00Z");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          /api/v1/namespaces/staging/pods/x/log              | pods             | x   | log
          /apis/apps/v1/namespaces/prod/deployments/web/scale | deployments.apps | web | scale
          /api/v1/nodes                                      | nodes            |     |
          """)
  void resource_paths_are_parsed(String path, String qualified, String name, String sub) {
    ResourcePath p = ResourcePath.parse(path).orElseThrow();
    assertThat(p.qualifiedPlural()).isEqualTo(qualified);
    assertThat(p.name()).isEqualTo(name);
    assertThat(p.subresource()).isEqualTo(sub);
  }
}
