package lookout.agent.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed {@code fieldSelector} ({@code involvedObject.name=checkout,type!=Normal}) and the fields
 * the API server accepts for each resource; the CRUD mock ignores field selectors it cannot index.
 */
record FieldSelector(List<Requirement> requirements) {

  private static final Set<String> ANY = Set.of("metadata.name", "metadata.namespace");

  /** The selectable fields per resource plural, as in the API server's field label conversion. */
  private static final Map<String, Set<String>> SUPPORTED =
      Map.of(
          "events",
          Set.of(
              "involvedObject.kind",
              "involvedObject.namespace",
              "involvedObject.name",
              "involvedObject.uid",
              "involvedObject.apiVersion",
              "involvedObject.resourceVersion",
              "involvedObject.fieldPath",
              "reason",
              "reportingComponent",
              "source",
              "type"),
          "pods",
          Set.of(
              "spec.nodeName",
              "spec.restartPolicy",
              "spec.schedulerName",
              "spec.serviceAccountName",
              "spec.hostNetwork",
              "status.phase",
              "status.podIP",
              "status.nominatedNodeName"),
          "nodes",
          Set.of("spec.unschedulable"));

  record Requirement(String field, String value, boolean negated) {
    boolean matches(JsonNode item) {
      boolean equal = value.equals(lookup(item, field));
      return negated != equal;
    }
  }

  /**
   * Parses a selector for a resource.
   *
   * @throws IllegalArgumentException naming the requirement the API server would refuse
   */
  static FieldSelector parse(String selector, String plural) {
    List<Requirement> out = new ArrayList<>();
    for (String part : selector.split(",")) {
      String term = part.trim();
      if (term.isEmpty()) {
        continue;
      }
      boolean negated = term.contains("!=");
      String[] kv = term.split(negated ? "!=" : "==?", 2);
      if (kv.length != 2) {
        throw new IllegalArgumentException("invalid field selector requirement: " + term);
      }
      String field = kv[0].trim();
      if (!ANY.contains(field) && !SUPPORTED.getOrDefault(plural, Set.of()).contains(field)) {
        throw new IllegalArgumentException(
            "field label not supported: " + field + " (resource " + plural + ")");
      }
      out.add(new Requirement(field, kv[1].trim(), negated));
    }
    return new FieldSelector(List.copyOf(out));
  }

  boolean matches(JsonNode item) {
    return requirements.stream().allMatch(r -> r.matches(item));
  }

  /**
   * The text value of a dotted field, {@code ""} when absent; {@code source} means the component.
   */
  static String lookup(JsonNode item, String field) {
    String path = "source".equals(field) ? "source.component" : field;
    JsonNode node = item;
    for (String step : path.split("\\.")) {
      node = node == null ? null : node.get(step);
    }
    return node == null || node.isNull() ? "" : node.asText();
  }
}
