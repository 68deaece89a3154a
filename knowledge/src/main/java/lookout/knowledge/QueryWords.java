package lookout.knowledge;

/**
 * The words of one search, by weight.
 *
 * @param subject what the search is about (a finding's reason, an alert's name): weighs most
 * @param text the question or details, typos corrected
 * @param expansion English words the glossary adds for terms in the other two: weighs least
 */
record QueryWords(String subject, String text, String expansion) {
  QueryWords {
    subject = subject == null ? "" : subject;
    text = text == null ? "" : text;
    expansion = expansion == null ? "" : expansion;
  }

  /** Everything, for what does not weigh words (the embedding, section choice). */
  String all() {
    return String.join(" ", subject, text, expansion).strip();
  }
}
