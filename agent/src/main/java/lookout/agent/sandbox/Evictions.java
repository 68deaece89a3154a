package lookout.agent.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.http.MockResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Eviction subresource ({@code POST …/pods/<name>/eviction}), which fabric8's mock does not
 * implement, with the API server's PodDisruptionBudget logic (pkg/registry/core/pod/storage/
 * eviction.go): a pod that is not running (Pending, Succeeded, Failed) or already being deleted
 * ignores budgets; more than one matching budget is a 500; a budget whose status is behind its
 * spec, or that allows no disruption now, answers 429 TooManyRequests with the server's message and
 * a {@code DisruptionBudget} cause; otherwise {@code status.disruptionsAllowed} is decremented, the
 * pod is noted in {@code status.disruptedPods} and deleted. With {@code dryRun=All} nothing is
 * stored. No disruption controller runs here, so a budget's status changes only by evictions.
 */
final class Evictions {
  static final String BLOCKED = "Cannot evict pod as it would violate the pod's disruption budget.";

  private final KubernetesCrudDispatcher crud;

  Evictions(KubernetesCrudDispatcher crud) {
    this.crud = crud;
  }

  static boolean applies(ApiRequest request) {
    return request.is("POST")
        && ResourcePath.parse(request.path())
            .filter(p -> p.plural().equals("pods") && "eviction".equals(p.subresource()))
            .isPresent();
  }

  MockResponse handle(ApiRequest request) {
    ResourcePath path = ResourcePath.parse(request.path()).orElseThrow();
    ResourcePath pod = new ResourcePath("", "v1", path.namespace(), "pods", path.name(), null);
    MockResponse stored = crud.handleGet(pod.objectPath());
    if (stored.code() != 200) {
      return ApiResponses.notFound(pod);
    }
    JsonNode object = body(stored);
    boolean dryRun = "All".equals(request.param("dryRun"));
    if (!ignoresBudgets(object)) {
      List<Map.Entry<AttributeSet, String>> budgets = budgetsOf(object, path.namespace());
      if (budgets.size() > 1) {
        return ApiResponses.status(
            500,
            "InternalError",
            "This pod has more than one PodDisruptionBudget, which the eviction subresource does"
                + " not support.");
      }
      if (budgets.size() == 1) {
        MockResponse refused = checkAndDecrement(budgets.getFirst(), pod.name(), dryRun);
        if (refused != null) {
          return refused;
        }
      }
    }
    if (!dryRun) {
      crud.handleDelete(pod.objectPath());
    }
    ObjectNode status = Json.MAPPER.createObjectNode();
    status.put("kind", "Status").put("apiVersion", "v1").put("status", "Success").put("code", 201);
    status.putObject("metadata");
    return ApiResponses.json(201, status.toString());
  }

  private MockResponse checkAndDecrement(
      Map.Entry<AttributeSet, String> entry, String podName, boolean dryRun) {
    ObjectNode pdb = (ObjectNode) Json.parse(entry.getValue());
    String name = pdb.path("metadata").path("name").asText();
    JsonNode status = pdb.path("status");
    if (status.path("observedGeneration").asLong(0)
        < pdb.path("metadata").path("generation").asLong(1)) {
      return tooManyRequests(
          "The disruption budget " + name + " is still being processed by the server.");
    }
    long allowed = status.path("disruptionsAllowed").asLong(0);
    if (allowed < 0) {
      return ApiResponses.status(
          403,
          "Forbidden",
          "poddisruptionbudget.policy \""
              + name
              + "\" is forbidden: pdb disruptions allowed is negative");
    }
    if (allowed == 0) {
      return tooManyRequests(
          "The disruption budget "
              + name
              + " needs "
              + status.path("desiredHealthy").asLong(0)
              + " healthy pods and has "
              + status.path("currentHealthy").asLong(0)
              + " currently");
    }
    if (!dryRun) {
      ObjectNode newStatus = pdb.withObjectProperty("status");
      newStatus.put("disruptionsAllowed", allowed - 1);
      newStatus
          .withObjectProperty("disruptedPods")
          .put(podName, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
      crud.getMap().put(entry.getKey(), pdb.toString());
    }
    return null;
  }

  private static MockResponse tooManyRequests(String cause) {
    ObjectNode status = Json.MAPPER.createObjectNode();
    status.put("kind", "Status").put("apiVersion", "v1").putObject("metadata");
    status.put("status", "Failure").put("message", BLOCKED).put("reason", "TooManyRequests");
    ObjectNode details = status.putObject("details");
    details.putArray("causes").addObject().put("reason", "DisruptionBudget").put("message", cause);
    details.put("retryAfterSeconds", 10);
    status.put("code", 429);
    return ApiResponses.json(429, status.toString());
  }

  /** Pods that do not run (or are going anyway) may be evicted whatever the budget says. */
  private static boolean ignoresBudgets(JsonNode pod) {
    String phase = pod.path("status").path("phase").asText("");
    return phase.equals("Pending")
        || phase.equals("Succeeded")
        || phase.equals("Failed")
        || pod.path("metadata").hasNonNull("deletionTimestamp");
  }

  private List<Map.Entry<AttributeSet, String>> budgetsOf(JsonNode pod, String namespace) {
    List<Map.Entry<AttributeSet, String>> out = new ArrayList<>();
    JsonNode labels = pod.path("metadata").path("labels");
    if (!labels.isObject() || labels.isEmpty()) {
      return out;
    }
    String collection = "/apis/policy/v1/namespaces/" + namespace + "/poddisruptionbudgets";
    MockResponse list = crud.handleGet(collection);
    if (list.code() != 200) {
      return out;
    }
    for (JsonNode item : body(list).path("items")) {
      if (LabelSelectors.matches(item.path("spec").path("selector"), labels)) {
        String name = item.path("metadata").path("name").asText();
        Map.Entry<AttributeSet, String> entry =
            crud.findResource(crud.getKey(collection + "/" + name));
        if (entry != null) {
          out.add(entry);
        }
      }
    }
    return out;
  }

  private static JsonNode body(MockResponse response) {
    return Json.parse(new String(response.getBody().getBytes(), StandardCharsets.UTF_8));
  }
}
