package lookout.agent.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * API discovery ({@code /api}, {@code /apis}, {@code /api/v1}, {@code /apis/<group>/<version>}),
 * which fabric8's mock does not answer: clients built on client-go (kubectl, kubernetes-mcp-server)
 * map kinds to resources through it and fail with "no matches for kind" without it. Lists the
 * resources the sandbox holds, in the legacy (unaggregated) format every client falls back to.
 */
final class Discovery {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> VERBS =
      List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");

  /** name, kind, namespaced, short name ("" for none). */
  private record Resource(String name, String kind, boolean namespaced, String shortName) {}

  private static final Map<String, List<Resource>> GROUPS = new LinkedHashMap<>();

  static {
    GROUPS.put(
        "v1",
        List.of(
            new Resource("pods", "Pod", true, "po"),
            new Resource("namespaces", "Namespace", false, "ns"),
            new Resource("nodes", "Node", false, "no"),
            new Resource("events", "Event", true, "ev"),
            new Resource("services", "Service", true, "svc"),
            new Resource("endpoints", "Endpoints", true, "ep"),
            new Resource("configmaps", "ConfigMap", true, "cm"),
            new Resource("secrets", "Secret", true, ""),
            new Resource("serviceaccounts", "ServiceAccount", true, "sa"),
            new Resource("persistentvolumeclaims", "PersistentVolumeClaim", true, "pvc"),
            new Resource("persistentvolumes", "PersistentVolume", false, "pv"),
            new Resource("resourcequotas", "ResourceQuota", true, "quota"),
            new Resource("limitranges", "LimitRange", true, "limits")));
    GROUPS.put(
        "apps/v1",
        List.of(
            new Resource("deployments", "Deployment", true, "deploy"),
            new Resource("statefulsets", "StatefulSet", true, "sts"),
            new Resource("daemonsets", "DaemonSet", true, "ds"),
            new Resource("replicasets", "ReplicaSet", true, "rs")));
    GROUPS.put(
        "batch/v1",
        List.of(
            new Resource("jobs", "Job", true, ""),
            new Resource("cronjobs", "CronJob", true, "cj")));
    GROUPS.put("events.k8s.io/v1", List.of(new Resource("events", "Event", true, "ev")));
    GROUPS.put(
        "autoscaling/v2",
        List.of(new Resource("horizontalpodautoscalers", "HorizontalPodAutoscaler", true, "hpa")));
    GROUPS.put(
        "policy/v1",
        List.of(new Resource("poddisruptionbudgets", "PodDisruptionBudget", true, "pdb")));
    GROUPS.put(
        "networking.k8s.io/v1",
        List.of(
            new Resource("ingresses", "Ingress", true, "ing"),
            new Resource("networkpolicies", "NetworkPolicy", true, "netpol")));
  }

  private Discovery() {}

  /** The discovery document for {@code path}, or null when it is not a discovery path. */
  static MockResponse answer(String path) {
    if (path.equals("/api")) {
      ObjectNode versions = JSON.createObjectNode().put("kind", "APIVersions");
      versions.putArray("versions").add("v1");
      versions
          .putArray("serverAddressByClientCIDRs")
          .addObject()
          .put("clientCIDR", "0.0.0.0/0")
          .put("serverAddress", "127.0.0.1");
      return ApiResponses.json(200, versions.toString());
    }
    if (path.equals("/apis")) {
      ObjectNode list = JSON.createObjectNode().put("kind", "APIGroupList").put("apiVersion", "v1");
      ArrayNode groups = list.putArray("groups");
      GROUPS.keySet().stream()
          .filter(gv -> gv.contains("/"))
          .forEach(
              gv -> {
                String group = gv.substring(0, gv.indexOf('/'));
                ObjectNode version =
                    JSON.createObjectNode()
                        .put("groupVersion", gv)
                        .put("version", gv.substring(gv.indexOf('/') + 1));
                ObjectNode g = groups.addObject().put("name", group);
                g.putArray("versions").add(version);
                g.set("preferredVersion", version);
              });
      return ApiResponses.json(200, list.toString());
    }
    String groupVersion =
        path.startsWith("/api/")
            ? path.substring(5)
            : path.startsWith("/apis/") ? path.substring(6) : null;
    List<Resource> resources = groupVersion == null ? null : GROUPS.get(groupVersion);
    if (resources == null || (path.startsWith("/api/") && groupVersion.contains("/"))) {
      return null;
    }
    ObjectNode list =
        JSON.createObjectNode()
            .put("kind", "APIResourceList")
            .put("apiVersion", "v1")
            .put("groupVersion", groupVersion);
    ArrayNode out = list.putArray("resources");
    for (Resource r : resources) {
      ObjectNode node =
          out.addObject()
              .put("name", r.name())
              .put("singularName", r.kind().toLowerCase(java.util.Locale.ROOT))
              .put("namespaced", r.namespaced())
              .put("kind", r.kind());
      VERBS.forEach(node.putArray("verbs")::add);
      if (!r.shortName().isEmpty()) {
        node.putArray("shortNames").add(r.shortName());
      }
      if (r.kind().equals("Pod")) {
        out.addObject()
            .put("name", "pods/log")
            .put("singularName", "")
            .put("namespaced", true)
            .put("kind", "Pod")
            .putArray("verbs")
            .add("get");
      }
    }
    return ApiResponses.json(200, list.toString());
  }
}
