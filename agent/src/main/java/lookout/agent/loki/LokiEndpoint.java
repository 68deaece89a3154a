package lookout.agent.loki;

import java.util.Objects;
import java.util.Optional;
import lookout.agent.remote.HttpEndpoint;

/**
 * One cluster's Loki: where it is, how to authenticate, and the tenant sent as {@code
 * X-Scope-OrgID} (multi-tenant Loki answers {@code no org id} without one).
 */
public record LokiEndpoint(HttpEndpoint http, Optional<String> tenant) {
  public LokiEndpoint {
    Objects.requireNonNull(http, "http");
    Objects.requireNonNull(tenant, "tenant");
  }
}
