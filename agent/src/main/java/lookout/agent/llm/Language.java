package lookout.agent.llm;

/** The language of a question, as far as the answer needs it: Chinese or not. */
final class Language {
  private Language() {}

  static boolean chinese(String text) {
    return text.codePoints()
        .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
  }

  /** The line appended to the user's message so the answer comes back in their language. */
  static String hint(String question) {
    return chinese(question)
        ? "(Answer in Simplified Chinese / 请用简体中文回答。)"
        : "(Answer in the language of the question.)";
  }
}
