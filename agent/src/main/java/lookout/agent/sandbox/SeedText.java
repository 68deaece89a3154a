package lookout.agent.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads seed resources and resolves their time placeholders: {@code ${ago:2h}} becomes the instant
 * two hours before the sandbox started, so ages and "last seen" read the same on every run.
 */
final class SeedText {
  static final String ROOT = "/lookout/agent/sandbox/";
  private static final Pattern AGO = Pattern.compile("\\$\\{ago:(\\d+)([smhd])}");

  private final Instant now;

  SeedText(Instant now) {
    this.now = now.truncatedTo(ChronoUnit.SECONDS);
  }

  /** The resource under {@code lookout/agent/sandbox/}, placeholders resolved, if it exists. */
  Optional<String> read(String relative) {
    try (InputStream in = SeedText.class.getResourceAsStream(ROOT + relative)) {
      if (in == null) {
        return Optional.empty();
      }
      return Optional.of(resolve(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException("while reading sandbox seed " + relative, e);
    }
  }

  /** Like {@link #read} for resources the sandbox cannot start without. */
  String require(String relative) {
    return read(relative)
        .orElseThrow(() -> new IllegalStateException("sandbox seed resource missing: " + relative));
  }

  String resolve(String text) {
    Matcher m = AGO.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (m.find()) {
      long amount = Long.parseLong(m.group(1));
      Duration d =
          switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
          };
      m.appendReplacement(out, now.minus(d).toString());
    }
    m.appendTail(out);
    return out.toString();
  }

  Instant now() {
    return now;
  }
}
