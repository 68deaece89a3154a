package lookout.adapters.chat;

import java.util.Objects;

/**
 * A user as the platform identified them, e.g. {@code slack:U123} or {@code console:alice}. Always
 * taken from a verified platform payload, never from message text.
 */
public record UserRef(String platform, String id) {
  public UserRef {
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(id, "id");
  }

  /** The form policies and audit rows use: {@code platform:id}. */
  public String qualified() {
    return platform + ":" + id;
  }

  @Override
  public String toString() {
    return qualified();
  }
}
