package lookout.agent.resolve;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The other names people use for an object: the hosts an ingress serves ("crm.corp.example 访问不了" is
 * about that ingress), a service's DNS names ("reviews.mall", "reviews.mall.svc") and a node's
 * addresses ("10.1.0.14" for ACK's cn-hangzhou.10.1.0.14 or EKS's ip-10-1-0-14.ec2.internal).
 */
final class Aliases {
  /** An IPv4 address written into a node name, dotted (ACK) or dashed (EKS's ip-10-1-0-14). */
  private static final Pattern NAME_IP =
      Pattern.compile("(?<![0-9])(\\d{1,3})[.-](\\d{1,3})[.-](\\d{1,3})[.-](\\d{1,3})(?![0-9])");

  private Aliases() {}

  /**
   * People name nodes by the address they see in their console or ssh prompt: every address of
   * status.addresses (InternalIP, ExternalIP, Hostname, DNS names) and the IP a provider writes
   * into the node's name.
   */
  static List<String> of(Node node) {
    List<String> out = new ArrayList<>();
    if (node.getStatus() != null && node.getStatus().getAddresses() != null) {
      node.getStatus().getAddresses().stream()
          .map(NodeAddress::getAddress)
          .filter(a -> a != null && !a.isBlank())
          .forEach(out::add);
    }
    Matcher m = NAME_IP.matcher(node.getMetadata().getName());
    if (m.find()) {
      out.add(m.group(1) + "." + m.group(2) + "." + m.group(3) + "." + m.group(4));
    }
    out.remove(node.getMetadata().getName());
    return out.stream().distinct().toList();
  }

  static List<String> of(Ingress ingress) {
    if (ingress.getSpec() == null || ingress.getSpec().getRules() == null) {
      return List.of();
    }
    return ingress.getSpec().getRules().stream()
        .map(IngressRule::getHost)
        .filter(Objects::nonNull)
        .filter(h -> !h.startsWith("*"))
        // "kunlun-shop.cn is down" is about the ingress serving www.kunlun-shop.cn
        .flatMap(h -> h.startsWith("www.") ? Stream.of(h, h.substring(4)) : Stream.of(h))
        .distinct()
        .toList();
  }

  static List<String> of(Service service) {
    String name = service.getMetadata().getName();
    String ns = service.getMetadata().getNamespace();
    List<String> out = new ArrayList<>();
    if (ns != null) {
      out.add(name + "." + ns);
      out.add(name + "." + ns + ".svc");
      out.add(name + "." + ns + ".svc.cluster.local");
    }
    return out;
  }
}
