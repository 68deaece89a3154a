package lookout.agent.analyzers;

import static lookout.agent.analyzers.Fixtures.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CronJobAnalyzerTest {
  private static final ObjectRef BACKUP = new ObjectRef("CronJob", "shop", "db-backup");
  private static final LogSource LOGS =
      (ns, pod, container, previous, lines) ->
          previous
              ? List.of()
              : List.of(
                  "2026-01-01T11:40:02Z starting pg_dump of shop",
                  "pg_dump: error: connection to server at \"db.shop.svc\" (10.96.4.12), port 5432 failed: FATAL:  password authentication failed for user \"backup\"",
                  "backup failed, exit 1");

  static String cronJob(String spec, String status) {
    return """
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: db-backup, namespace: shop, creationTimestamp: '2025-11-01T00:00:00Z'}
        spec:
          schedule: "40 * * * *"
          %s
          jobTemplate: {spec: {backoffLimit: 2, template: {spec: {restartPolicy: Never, containers: [{name: backup, image: postgres:16}]}}}}
        status: {%s}
        ---
        """
        .formatted(spec, status);
  }

  static String job(String name, String started, String conditions, String extra) {
    return """
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: %s
          namespace: shop
          ownerReferences: [{apiVersion: batch/v1, kind: CronJob, name: db-backup, controller: true, uid: c1}]
        spec: {backoffLimit: 2%s}
        status:
          startTime: '%s'
          %s
        ---
        """
        .formatted(name, extra, started, conditions);
  }

  static final String FAILED =
      "failed: 3\n  conditions: [{type: Failed, status: 'True', reason: BackoffLimitExceeded,"
          + " message: Job has reached the specified backoff limit}]";

  static final String FAILED_POD =
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: db-backup-29456700-7xk2p
        namespace: shop
        labels: {batch.kubernetes.io/job-name: db-backup-29456700}
        ownerReferences: [{apiVersion: batch/v1, kind: Job, name: db-backup-29456700, controller: true, uid: j1}]
      spec:
        restartPolicy: Never
        containers: [{name: backup, image: postgres:16}]
      status:
        phase: Failed
        containerStatuses:
        - name: backup
          ready: false
          restartCount: 0
          state: {terminated: {exitCode: 1, reason: Error, finishedAt: '2026-01-01T11:40:09Z'}}
      ---
      """;

  @Test
  void did_the_backup_work_the_last_run_failed_with_the_pods_error_line_and_the_last_success() {
    String yaml =
        cronJob(
                "",
                "lastScheduleTime: '2026-01-01T11:40:00Z', lastSuccessfulTime: '2025-12-30T11:41:10Z'")
            + job(
                "db-backup-29456640",
                "2026-01-01T10:40:00Z",
                "succeeded: 1\n  conditions: [{type: Complete, status: 'True'}]",
                "")
            + job("db-backup-29456700", "2026-01-01T11:40:00Z", FAILED, "")
            + FAILED_POD;

    List<Finding> findings =
        new CronJobAnalyzer(CLOCK).analyze(YamlFacts.facts(BACKUP, yaml, List.of(), LOGS));

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.analyzer()).isEqualTo("CronJobFailed");
              assertThat(f.summary())
                  .startsWith(
                      "failed on its last run db-backup-29456700: BackoffLimitExceeded (last"
                          + " success 2d ago) — pg_dump: error:");
              assertThat(f.evidence())
                  .contains(
                      "job shop/db-backup-29456700: Failed (BackoffLimitExceeded: Job has reached"
                          + " the specified backoff limit), 3 failed, backoffLimit=2,"
                          + " started 20m ago",
                      "pod db-backup-29456700-7xk2p: container backup terminated Error, exit code 1"
                          + " (19m ago)");
              assertThat(f.evidence())
                  .anyMatch(l -> l.contains("password authentication failed for user"));
              assertThat(f.fixes())
                  .first()
                  .asString()
                  .startsWith(
                      "fix the error the pod logged above, then run it now with kubectl create job db-backup-manual --from=cronjob/db-backup -n shop");
            });
    assertThat(new JobAnalyzer(CLOCK).analyze(YamlFacts.facts(BACKUP, yaml, List.of(), LOGS)))
        .as("the CronJob finding covers its jobs")
        .isEmpty();
  }

  static Stream<Arguments> notRunning() {
    return Stream.of(
        Arguments.of(
            "suspended",
            cronJob(
                "suspend: true",
                "lastScheduleTime: '2025-12-20T10:40:00Z', lastSuccessfulTime: '2025-12-20T10:41:00Z'"),
            "CronJobSuspended",
            "is suspended: no runs start (last success 12d ago)"),
        Arguments.of(
            "missed, the controller cannot create the job",
            cronJob(
                    "",
                    "lastScheduleTime: '2026-01-01T08:40:00Z', lastSuccessfulTime: '2026-01-01T08:41:00Z'")
                + """
                apiVersion: v1
                kind: Event
                metadata: {name: db-backup.fc, namespace: shop}
                involvedObject: {kind: CronJob, namespace: shop, name: db-backup}
                reason: FailedCreate
                type: Warning
                message: 'Error creating job: jobs.batch "db-backup-29456640" is forbidden: exceeded quota: batch-quota, requested: count/jobs.batch=1, used: count/jobs.batch=10, limited: count/jobs.batch=10'
                count: 3
                lastTimestamp: '2026-01-01T11:40:01Z'
                ---
                """,
            "CronJobMissed",
            "missed 3 scheduled run(s) since 3h ago (last success 3h ago)"),
        Arguments.of(
            "forbid with a job that never ends",
            cronJob(
                    "concurrencyPolicy: Forbid",
                    "lastScheduleTime: '2025-12-31T23:40:00Z', lastSuccessfulTime: '2025-12-31T22:45:00Z', active: [{kind: Job, name: db-backup-29455980, namespace: shop}]")
                + job("db-backup-29455980", "2025-12-31T23:40:00Z", "active: 1", ""),
            "CronJobBlocked",
            "skips its runs: job db-backup-29455980 has been running since 12h ago and concurrencyPolicy is Forbid (last success 13h ago)"),
        Arguments.of(
            "a schedule the controller rejects",
            cronJob("", "").replace("\"40 * * * *\"", "\"0 25 * * *\""),
            "CronJobSchedule",
            "never runs: the controller rejects its schedule \"0 25 * * *\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notRunning")
  void runs_that_do_not_happen_say_why(String name, String yaml, String analyzer, String summary) {
    assertThat(new CronJobAnalyzer(CLOCK).analyze(YamlFacts.facts(BACKUP, yaml)))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.analyzer()).isEqualTo(analyzer);
              assertThat(f.summary()).isEqualTo(summary);
              assertThat(f.fixes()).first().asString().startsWith("");
            });
  }

  @Test
  void a_working_cronjob_asked_about_says_when_it_last_succeeded() {
    String yaml =
        cronJob(
                "",
                "lastScheduleTime: '2026-01-01T11:40:00Z', lastSuccessfulTime: '2026-01-01T11:41:30Z'")
            + job(
                "db-backup-29456700",
                "2026-01-01T11:40:00Z",
                "succeeded: 1\n  conditions: [{type: Complete, status: 'True'}]",
                "");

    assertThat(new CronJobAnalyzer(CLOCK).analyze(YamlFacts.facts(BACKUP, yaml)))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.severity()).isEqualTo(Finding.Severity.INFO);
              assertThat(f.summary()).isEqualTo("runs on schedule: last success 18m ago");
              assertThat(f.evidence()).contains("next run: 2026-01-01T12:40:00Z");
            });
    assertThat(new CronJobAnalyzer(CLOCK).analyze(YamlFacts.facts(null, yaml))).isEmpty();
  }

  @Test
  void a_standalone_job_past_its_deadline_is_a_finding_of_its_own() {
    String yaml =
        job(
                "migrate-schema",
                "2026-01-01T11:00:00Z",
                "failed: 1\n  conditions: [{type: Failed, status: 'True', reason: DeadlineExceeded, message: Job was active longer than specified deadline}]",
                ", activeDeadlineSeconds: 600")
            .replace(
                "ownerReferences: [{apiVersion: batch/v1, kind: CronJob, name: db-backup, controller: true, uid: c1}]",
                "labels: {app: migrate}");

    assertThat(
            new JobAnalyzer(CLOCK)
                .analyze(YamlFacts.facts(new ObjectRef("Job", "shop", "migrate-schema"), yaml)))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.summary()).isEqualTo("failed: DeadlineExceeded");
              assertThat(f.fixes())
                  .first()
                  .asString()
                  .startsWith("the run took longer than activeDeadlineSeconds=600");
            });
  }
}
