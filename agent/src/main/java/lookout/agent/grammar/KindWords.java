package lookout.agent.grammar;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words people use for Kubernetes kinds, kubectl's short names included, mapped to the API
 * kind: {@code svc} → Service, {@code cj} → CronJob, {@code 节点} → Node. Also the weaker hints
 * symptoms give: pods are evicted, services are unreachable, jobs run or fail, claims mount.
 */
final class KindWords {
  private KindWords() {}

  /** Kind words and kubectl short names (singular, plural, with API group). */
  private static final Map<String, String> KINDS =
      words(
          """
          Deployment deployment deployments deploy deploys deployment.apps
          StatefulSet statefulset statefulsets sts statefulset.apps
          DaemonSet daemonset daemonsets ds daemonset.apps
          ReplicaSet replicaset replicasets rs
          Pod pod pods po
          Service svc
          Job job jobs job.batch
          CronJob cronjob cronjobs cj cron
          Node node nodes
          Namespace namespace namespaces ns
          PersistentVolumeClaim pvc pvcs persistentvolumeclaim persistentvolumeclaims claim claims
          HorizontalPodAutoscaler hpa hpas horizontalpodautoscaler autoscaler
          Ingress ingress ingresses ing
          """);

  private static final Map<String, String> KINDS_ZH =
      Map.ofEntries(
          Map.entry("定时任务", "CronJob"),
          Map.entry("计划任务", "CronJob"),
          Map.entry("任务", "Job"),
          Map.entry("节点", "Node"),
          Map.entry("机器", "Node"),
          Map.entry("命名空间", "Namespace"),
          Map.entry("存储卷", "PersistentVolumeClaim"),
          Map.entry("持久卷", "PersistentVolumeClaim"),
          Map.entry("容器组", "Pod"),
          Map.entry("实例", "Pod"),
          Map.entry("守护进程集", "DaemonSet"),
          Map.entry("有状态", "StatefulSet"),
          Map.entry("自动扩缩", "HorizontalPodAutoscaler"),
          Map.entry("弹性伸缩", "HorizontalPodAutoscaler"),
          Map.entry("入口", "Ingress"),
          Map.entry("域名", "Ingress"));

  /** Symptoms that belong to a kind, weaker than naming it, in order of strength. */
  private static final List<Map.Entry<Pattern, String>> SYMPTOMS =
      List.of(
          Map.entry(Pattern.compile("\\bevict|驱逐"), "Pod"),
          Map.entry(
              Pattern.compile(
                  "\\b(?:reach|access|endpoints?|connect|connection|503|502|504|refused|bad gateway)|访问|连不上|调不通|不通|打不开"),
              "Service"),
          Map.entry(
              Pattern.compile(
                  "\\b(?:backups?|ran|run|succeed|completed?|schedule[ds]?)\\b|跑|执行|备份"),
              "CronJob"),
          Map.entry(
              Pattern.compile("\\b(?:volumes?|disk|mount|storage)\\b|挂载|磁盘|存储"),
              "PersistentVolumeClaim"),
          Map.entry(
              Pattern.compile("\\b(?:autoscal\\w*|max replicas)|扩缩"), "HorizontalPodAutoscaler"),
          Map.entry(Pattern.compile("\\bservices?\\b"), "Service"),
          Map.entry(
              Pattern.compile("\\b(?:site|website|url|domain|host|homepage|404)\\b|网站|首页|页面|域名"),
              "Ingress"));

  /** The kind a kubectl prefix or kind word names ("svc", "deploy", "节点"), if any. */
  static Optional<String> kind(String word) {
    return Optional.ofNullable(KINDS.get(word));
  }

  /**
   * Kinds the text hints at, strongest first: kind words ("the reviews svc", "节点 node-3"), then
   * symptoms ("evicted" → Pod, "访问不了" → Service).
   */
  static List<String> hints(List<Token> tokens, String normalized) {
    Set<String> out = new LinkedHashSet<>();
    for (Token t : tokens) {
      if (t.latin()) {
        String word =
            t.text().contains("/") ? t.text().substring(0, t.text().indexOf('/')) : t.text();
        kind(word).filter(k -> !k.equals("Namespace")).ifPresent(out::add);
      } else {
        KINDS_ZH.forEach(
            (zh, k) -> {
              if (t.text().contains(zh) && !k.equals("Namespace")) {
                out.add(k);
              }
            });
      }
    }
    if (out.contains("Job") && out.contains("CronJob") && !normalized.contains("cron")) {
      out.remove("CronJob"); // "任务" inside "定时任务" also matched Job
    }
    for (Map.Entry<Pattern, String> symptom : SYMPTOMS) {
      if (symptom.getKey().matcher(normalized).find()) {
        out.add(symptom.getValue());
      }
    }
    if (out.contains("CronJob") && !out.contains("Job")) {
      out.add("Job"); // a run of a job without its schedule is a Job
    }
    return List.copyOf(out);
  }

  /** One line per kind: the kind, then its words. */
  private static Map<String, String> words(String table) {
    Map<String, String> out = new java.util.HashMap<>();
    for (String line : table.strip().split("\n")) {
      String[] w = line.strip().split("\\s+");
      for (int i = 1; i < w.length; i++) {
        out.put(w[i], w[0]);
      }
    }
    return Map.copyOf(out);
  }
}
