package lookout.agent.analyzers;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A dependency a container's log says it cannot reach: the address (host:port, or a host whose name
 * did not resolve) and how it failed, from the shapes drivers and runtimes write — PostgreSQL's
 * "Connection to db:5432 refused", Go's "dial tcp 10.0.0.5:6379: connect: connection refused",
 * Node's "connect ECONNREFUSED 10.96.0.12:27017" and "getaddrinfo ENOTFOUND mongo", Redis's "Could
 * not connect to Redis at redis:6379", "i/o timeout", "no such host".
 *
 * @param address what it cannot reach, as the log names it
 * @param how "connection refused", "timed out" or "name not found"
 * @param line the log line that says so
 */
public record Unreachable(String address, String how, String line) {
  private static final Pattern REFUSED = Pattern.compile("refused|econnrefused|connection reset");
  private static final Pattern TIMED_OUT =
      Pattern.compile("timed? ?out|etimedout|i/o timeout|deadline exceeded|no route to host");
  private static final Pattern NO_NAME =
      Pattern.compile(
          "no such host|enotfound|eai_again|could not translate host name|name or service not known"
              + "|unknown ?host|temporary failure in name resolution|name does not resolve");
  private static final Pattern REACHING =
      Pattern.compile(
          "connect|dial|connection|jdbc|reach|resolve|lookup|getaddrinfo|host",
          Pattern.UNICODE_CASE);

  /** host:port, not the DNS server of "lookup x on 10.96.0.10:53". */
  private static final Pattern HOST_PORT =
      Pattern.compile(
          "(?<![\\w.@/-])((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)*[a-z0-9](?:[a-z0-9-]*[a-z0-9])?"
              + "|\\[[0-9a-f:]+\\]):([0-9]{2,5})\\b");

  private static final Pattern LOOKUP =
      Pattern.compile(
          "(?:lookup|enotfound|eai_again|host name|unknownhost(?:exception)?:?|unknown host)"
              + " \"?([a-z0-9][a-z0-9.-]*[a-z0-9])\"?");

  /** The last line of {@code log} that says a dependency cannot be reached, with its address. */
  public static Optional<Unreachable> in(List<String> log) {
    Unreachable found = null;
    for (String line : log) {
      if (line != null) {
        Optional<Unreachable> u = of(line);
        if (u.isPresent()) {
          found = u.get();
        }
      }
    }
    return Optional.ofNullable(found);
  }

  static Optional<Unreachable> of(String line) {
    String l = line.toLowerCase(Locale.ROOT);
    String how =
        NO_NAME.matcher(l).find()
            ? "name not found"
            : REFUSED.matcher(l).find()
                ? "connection refused"
                : TIMED_OUT.matcher(l).find() ? "timed out" : null;
    if (how == null || !REACHING.matcher(l).find()) {
      return Optional.empty();
    }
    String address = null;
    if (how.equals("name not found")) {
      Matcher m = LOOKUP.matcher(l);
      if (m.find()) {
        address = m.group(1);
      }
    }
    if (address == null) {
      Matcher m = HOST_PORT.matcher(l);
      while (m.find()) {
        String before = l.substring(Math.max(0, m.start() - 4), m.start());
        String host = m.group(1);
        // not a time ("17:48:40", "2024-05-01T10:00:00Z")
        boolean real =
            host.matches(".*[a-z].*|[0-9]+(?:\\.[0-9]+){3}|\\[.*\\]")
                && !host.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}t[0-9]{1,2}");
        if (real && !before.endsWith("on ") && !host.matches("0\\.0\\.0\\.0|localhost|127\\..*")) {
          address = host + ":" + m.group(2);
          break;
        }
      }
    }
    if (address == null) {
      return Optional.empty();
    }
    return Optional.of(new Unreachable(address, how, Evidence.clip(line.strip())));
  }

  /** The Service a cluster DNS name points at ("db.auth.svc.cluster.local:5432" → "db in auth"). */
  public Optional<String> service() {
    String host = address.replaceFirst(":[0-9]+$", "");
    Matcher m =
        Pattern.compile("^([a-z0-9-]+)\\.([a-z0-9-]+)\\.svc(?:\\.cluster\\.local)?\\.?$")
            .matcher(host);
    return m.matches() ? Optional.of(m.group(1) + " in " + m.group(2)) : Optional.empty();
  }

  /** "keycloak-db.auth.svc.cluster.local:5432 (connection refused)". */
  public String text() {
    return address + " (" + how + ")";
  }
}
