package lookout.adapters.chat;

import java.util.List;
import java.util.Objects;

/** One block of a {@link Message}. Sealed so every renderer handles every kind. */
public sealed interface Part {

  /** A paragraph with an optional heading (null for none). Plain text; renderers escape it. */
  record Section(String heading, String text) implements Part {
    public Section {
      Objects.requireNonNull(text, "text");
    }
  }

  /** Label/value pairs, e.g. "Namespace: staging". */
  record Facts(List<Fact> facts) implements Part {
    public Facts {
      facts = List.copyOf(facts);
    }
  }

  record Fact(String label, String value) {
    public Fact {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(value, "value");
    }
  }

  /** Preformatted lines such as log excerpts. */
  record Code(String text) implements Part {
    public Code {
      Objects.requireNonNull(text, "text");
    }
  }

  /** A quiet footnote: timestamps, who approved, a "degraded" notice. */
  record Note(String text) implements Part {
    public Note {
      Objects.requireNonNull(text, "text");
    }
  }

  /**
   * A picture (a PNG chart) with a title that also serves as its alternative text. Platforms attach
   * it their own way (a file upload, an image message, inline); the surrounding text never depends
   * on it.
   */
  record Image(String title, byte[] png) implements Part {
    public Image {
      Objects.requireNonNull(title, "title");
      png = png.clone();
    }

    @Override
    public byte[] png() {
      return png.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Image i && i.title.equals(title) && java.util.Arrays.equals(i.png, png);
    }

    @Override
    public int hashCode() {
      return title.hashCode() * 31 + java.util.Arrays.hashCode(png);
    }

    @Override
    public String toString() {
      return "Image[" + title + ", " + png.length + " bytes]";
    }
  }

  /** A row of buttons. */
  record Actions(List<Button> buttons) implements Part {
    public Actions {
      buttons = List.copyOf(buttons);
    }
  }

  /**
   * A button. {@code token} is opaque to adapters: they carry it to the platform and back in a
   * {@link Click}.
   */
  record Button(String label, String token, Style style) {
    public Button {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(token, "token");
      Objects.requireNonNull(style, "style");
    }
  }

  enum Style {
    DEFAULT,
    PRIMARY,
    DANGER
  }
}
