package lookout.bot.alerts;

import java.util.List;
import java.util.Optional;

/**
 * The {@code alerts:} block: who may post to {@code /alertmanager} (a bearer {@code token} and/or
 * {@code basicAuth}), where groups go ({@code routes}, {@code defaultTo}), how much analysis a
 * group gets, and the backlog that makes a storm. Platform rate limits are not here: each adapter
 * declares its platform's and the outbox keeps them. {@link #toString()} hides the secrets.
 *
 * @param clusterLabel the label whose value names the cluster an alert is about ({@code cluster})
 */
public record AlertsSettings(
    boolean enabled,
    Optional<String> token,
    Optional<String> basicUser,
    Optional<String> basicPassword,
    List<AlertRouter.Rule> routes,
    List<Destination> defaultTo,
    int analysisBudget,
    int stormBacklog,
    String clusterLabel) {

  /** Settings whose alerts name their cluster in the {@code cluster} label. */
  public AlertsSettings(
      boolean enabled,
      Optional<String> token,
      Optional<String> basicUser,
      Optional<String> basicPassword,
      List<AlertRouter.Rule> routes,
      List<Destination> defaultTo,
      int analysisBudget,
      int stormBacklog) {
    this(
        enabled,
        token,
        basicUser,
        basicPassword,
        routes,
        defaultTo,
        analysisBudget,
        stormBacklog,
        "cluster");
  }

  /** Alerts off (tests of other areas that build configs by hand). */
  public static AlertsSettings disabled() {
    return new AlertsSettings(
        false, Optional.empty(), Optional.empty(), Optional.empty(), List.of(), List.of(), 0, 20);
  }

  /** True when some credential is configured (else only a loopback server accepts alerts). */
  public boolean authenticated() {
    return token.isPresent() || basicUser.isPresent();
  }

  @Override
  public String toString() {
    return "AlertsSettings[enabled="
        + enabled
        + ", token="
        + token.map(x -> "***").orElse("none")
        + ", basicAuth="
        + basicUser.map(u -> u + ":***").orElse("none")
        + ", routes="
        + routes.size()
        + ", defaultTo="
        + defaultTo
        + ", analysisBudget="
        + analysisBudget
        + ", stormBacklog="
        + stormBacklog
        + ", clusterLabel="
        + clusterLabel
        + "]";
  }
}
