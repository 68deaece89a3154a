package lookout.agent.analyzers;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressServiceBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Ingress backends that name a Service that does not exist in the namespace, or a port the Service
 * does not have: the controller answers 503 (or 404 with the default backend) for those paths.
 * Services come from {@link Related#services()}, which holds every Service a related Ingress names.
 */
public final class IngressAnalyzer implements Analyzer {
  @Override
  public List<Finding> analyze(ClusterFacts facts) {
    if (facts.related().gaps().stream().anyMatch(g -> g.resource().equals("services"))) {
      return List.of(); // without the services, every backend would look missing
    }
    List<Finding> findings = new ArrayList<>();
    for (Ingress ingress : facts.related().ingresses()) {
      List<String> evidence = new ArrayList<>();
      List<String> fixes = new ArrayList<>();
      for (Route route : routes(ingress)) {
        IngressServiceBackend backend = route.backend().getService();
        if (backend == null || backend.getName() == null) {
          continue; // a resource backend (e.g. a storage bucket): nothing to check here
        }
        Optional<Service> service = service(facts, Meta.namespace(ingress), backend.getName());
        if (service.isEmpty()) {
          evidence.add(
              Evidence.clip(
                  route.where() + " → service " + backend.getName() + ": does not exist"));
          fixes.add(
              "create service "
                  + backend.getName()
                  + " or point "
                  + route.where()
                  + " at an existing one"
                  + unrouted(facts, ingress).map(u -> " (" + u + ")").orElse(""));
          continue;
        }
        portProblem(service.get(), backend)
            .ifPresent(
                p -> {
                  evidence.add(
                      Evidence.clip(route.where() + " → service " + backend.getName() + ": " + p));
                  fixes.add(
                      "use one of the ports " + ports(service.get()) + " for " + route.where());
                });
      }
      if (evidence.isEmpty()) {
        continue;
      }
      String subject = Meta.subject("Ingress", ingress);
      String summary = subject + " routes to a backend that is not there: " + evidence.get(0);
      evidence.add(Meta.fix(String.join("; ", fixes) + " in ingress " + Meta.ref(ingress)));
      findings.add(
          Meta.finding(
                  Finding.Severity.CRITICAL,
                  "IngressBackend",
                  Meta.ref("Ingress", ingress),
                  Evidence.clip(summary),
                  evidence)
              .build());
    }
    return findings;
  }

  private record Route(String where, IngressBackend backend) {}

  /** "services no ingress routes to: storefront": candidates for a backend left dangling. */
  private static Optional<String> unrouted(ClusterFacts facts, Ingress ingress) {
    java.util.Set<String> routed = new java.util.HashSet<>();
    for (Ingress i : facts.related().ingresses()) {
      routes(i).stream()
          .map(r -> r.backend().getService())
          .filter(java.util.Objects::nonNull)
          .forEach(b -> routed.add(b.getName()));
    }
    List<String> names =
        facts.related().services().stream()
            .filter(s -> Meta.in(s, Meta.namespace(ingress)) && !routed.contains(Meta.name(s)))
            .filter(s -> s.getSpec() == null || !"ExternalName".equals(s.getSpec().getType()))
            .map(Meta::name)
            .toList();
    return names.isEmpty()
        ? Optional.empty()
        : Optional.of("services no ingress routes to: " + String.join(", ", names));
  }

  private static List<Route> routes(Ingress ingress) {
    List<Route> routes = new ArrayList<>();
    if (ingress.getSpec() == null) {
      return routes;
    }
    if (ingress.getSpec().getDefaultBackend() != null) {
      routes.add(new Route("default backend", ingress.getSpec().getDefaultBackend()));
    }
    for (IngressRule rule : Pods.stream(ingress.getSpec().getRules()).toList()) {
      if (rule.getHttp() == null) {
        continue;
      }
      for (HTTPIngressPath path : Pods.stream(rule.getHttp().getPaths()).toList()) {
        if (path.getBackend() != null) {
          String host = rule.getHost() == null ? "*" : rule.getHost();
          String p = path.getPath() == null ? "/" : path.getPath();
          routes.add(new Route(host + p, path.getBackend()));
        }
      }
    }
    return routes;
  }

  private static Optional<Service> service(ClusterFacts facts, String namespace, String name) {
    return facts.related().services().stream()
        .filter(s -> Meta.in(s, namespace) && name.equals(Meta.name(s)))
        .findFirst();
  }

  private static Optional<String> portProblem(Service service, IngressServiceBackend backend) {
    if (backend.getPort() == null || service.getSpec() == null) {
      return Optional.empty();
    }
    List<ServicePort> ports = Pods.stream(service.getSpec().getPorts()).toList();
    Integer number = backend.getPort().getNumber();
    String name = backend.getPort().getName();
    if (number != null && ports.stream().noneMatch(p -> number.equals(p.getPort()))) {
      return Optional.of("has no port " + number + " (it has " + ports(service) + ")");
    }
    if (name != null
        && !name.isEmpty()
        && ports.stream().noneMatch(p -> name.equals(p.getName()))) {
      return Optional.of("has no port named " + name + " (it has " + ports(service) + ")");
    }
    return Optional.empty();
  }

  private static String ports(Service service) {
    List<String> out = new ArrayList<>();
    for (ServicePort p : Pods.stream(service.getSpec().getPorts()).toList()) {
      out.add(
          p.getPort() + (p.getName() == null || p.getName().isEmpty() ? "" : "/" + p.getName()));
    }
    return out.isEmpty() ? "no ports" : String.join(", ", out);
  }
}
