package lookout.agent.analyzers;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A Service port whose targetPort no container of the selected pods exposes. A named targetPort
 * that no container declares is certain: the endpoint controller cannot resolve it, so that port
 * has no endpoints. A numeric one is only reported when the containers declare ports and none is it
 * (a container may listen on a port it does not declare).
 */
final class ServicePorts {
  private ServicePorts() {}

  static Optional<Finding> unexposed(Service service, List<Pod> selected) {
    if (selected.isEmpty()) {
      return Optional.empty();
    }
    List<ContainerPort> declared = new ArrayList<>();
    selected.forEach(p -> Pods.containers(p).forEach(c -> declared.addAll(ports(c))));
    List<String> evidence = new ArrayList<>();
    List<String> fixes = new ArrayList<>();
    boolean named = false;
    for (ServicePort port : Pods.stream(service.getSpec().getPorts()).toList()) {
      IntOrString target = ServiceAnalyzer.targetPort(port).orElse(null);
      if (target == null) {
        continue;
      }
      if (target.getStrVal() != null) {
        String name = target.getStrVal();
        if (declared.stream().noneMatch(cp -> name.equals(cp.getName()))) {
          named = true;
          evidence.add(
              Evidence.clip(
                  "port "
                      + portText(port)
                      + ": targetPort \""
                      + name
                      + "\" is not the name of any container port ("
                      + declaredText(declared)
                      + ")"));
          fixes.add(
              "targetPort of port " + portText(port) + " to one of " + declaredText(declared));
        }
      } else if (target.getIntVal() != null && !declared.isEmpty()) {
        int number = target.getIntVal();
        if (declared.stream()
            .noneMatch(cp -> cp.getContainerPort() != null && cp.getContainerPort() == number)) {
          evidence.add(
              Evidence.clip(
                  "port "
                      + portText(port)
                      + ": targetPort "
                      + number
                      + " is not a containerPort of the selected pods ("
                      + declaredText(declared)
                      + ")"));
          fixes.add("targetPort of port " + portText(port) + " to " + declaredText(declared));
        }
      }
    }
    if (evidence.isEmpty()) {
      return Optional.empty();
    }
    String subject = Meta.subject("Service", service);
    evidence.add(Evidence.names("selected pods: ", selected.stream().map(Pods::name).toList()));
    evidence.add(
        Meta.fix(
            "set the "
                + String.join("; ", fixes)
                + " in service "
                + Meta.ref(service)
                + ", or make the container listen on the targetPort"));
    String summary =
        subject
            + " sends traffic to a port its pods do not expose: "
            + evidence.get(0).substring("port ".length());
    return Optional.of(
        Meta.finding(
                named ? Finding.Severity.CRITICAL : Finding.Severity.WARNING,
                "ServiceTargetPort",
                Meta.ref("Service", service),
                Evidence.clip(summary),
                evidence)
            .build());
  }

  private static List<ContainerPort> ports(Container c) {
    return Pods.stream(c.getPorts()).toList();
  }

  private static String portText(ServicePort p) {
    String number = p.getPort() == null ? "?" : p.getPort().toString();
    return p.getName() == null || p.getName().isBlank()
        ? number
        : number + " (" + p.getName() + ")";
  }

  /** "8080/http, 9090/metrics", or "no ports declared". */
  private static String declaredText(List<ContainerPort> declared) {
    TreeSet<String> out = new TreeSet<>();
    for (ContainerPort cp : declared) {
      out.add(cp.getContainerPort() + (cp.getName() == null ? "" : "/" + cp.getName()));
    }
    return out.isEmpty() ? "no ports declared" : String.join(", ", out);
  }
}
