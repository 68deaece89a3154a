package lookout.agent.analyzers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The dependency a log line says it cannot reach, in the shapes drivers and runtimes write. */
class UnreachableTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Datasource '<default>': Connection to keycloak-db.auth.svc.cluster.local:5432 refused. Check that the hostname and port are correct | keycloak-db.auth.svc.cluster.local:5432 (connection refused)
          dial tcp 10.0.12.7:6379: connect: connection refused                                                  | 10.0.12.7:6379 (connection refused)
          panic: dial tcp: lookup redis-master on 10.96.0.10:53: no such host                                   | redis-master (name not found)
          Error: connect ECONNREFUSED 10.96.44.3:27017                                                          | 10.96.44.3:27017 (connection refused)
          MongooseServerSelectionError: getaddrinfo ENOTFOUND mongo                                             | mongo (name not found)
          Could not connect to Redis at redis:6379: Connection refused                                          | redis:6379 (connection refused)
          2024-05-01T10:00:00Z error failed to connect to kafka-0.kafka:9092: i/o timeout                       | kafka-0.kafka:9092 (timed out)
          """)
  void names_what_the_log_cannot_reach(String line, String expected) {
    assertThat(Unreachable.of(line)).map(Unreachable::text).contains(expected);
  }

  @Test
  void timestamps_listening_lines_and_other_errors_are_no_dependency() {
    assertThat(
            Unreachable.in(
                List.of(
                    "2026-12-06 17:05:12,004 INFO Listening on: http://0.0.0.0:8080",
                    "12:01:02 ERROR NullPointerException at Foo.java:42",
                    "request timed out after 30s")))
        .isEmpty();
  }

  @Test
  void a_cluster_dns_name_is_said_as_the_service_it_points_at() {
    assertThat(Unreachable.of("Connection to db.shop.svc.cluster.local:5432 refused"))
        .flatMap(Unreachable::service)
        .contains("db in shop");
    assertThat(Unreachable.of("dial tcp 10.0.0.5:5432: connect: connection refused"))
        .flatMap(Unreachable::service)
        .isEmpty();
  }
}
