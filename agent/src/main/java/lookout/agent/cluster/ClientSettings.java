package lookout.agent.cluster;

import io.fabric8.kubernetes.client.Config;

/**
 * Timeouts shared by every cluster connection. A chat answer waits on these, so they are short, and
 * retries are few: an unreachable cluster should be reported in seconds, not minutes.
 */
final class ClientSettings {
  static final int CONNECT_TIMEOUT_MS = 5_000;
  static final int REQUEST_TIMEOUT_MS = 20_000;

  private ClientSettings() {}

  static Config apply(Config config) {
    config.setConnectionTimeout(CONNECT_TIMEOUT_MS);
    config.setRequestTimeout(REQUEST_TIMEOUT_MS);
    config.setRequestRetryBackoffLimit(1);
    config.setRequestRetryBackoffInterval(500);
    return config;
  }
}
