package lookout.adapters.console;

import java.util.Objects;

/** Who wrote a console message: a person (by the name they typed) or the bot. */
public record Author(Kind kind, String name) {
  /** The name the bot's own messages carry. */
  public static final String BOT_NAME = "lookout";

  public enum Kind {
    USER,
    BOT
  }

  public Author {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
  }

  public static Author user(String name) {
    return new Author(Kind.USER, name);
  }

  public static Author bot() {
    return new Author(Kind.BOT, BOT_NAME);
  }
}
