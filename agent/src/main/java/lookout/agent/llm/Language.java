package lookout.agent.llm;

/** The language of a question, as far as the answer needs it: Chinese or not. */
final class Language {
  private Language() {}

  static boolean chinese(String text) {
    return text.codePoints()
        .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
  }

  /**
   * The line appended to a Chinese question so the answer comes back in Chinese (models drift to
   * English after an English diagnosis); none otherwise, both system prompts ask for the question's
   * language.
   */
  static String hint(String question) {
    return chinese(question) ? "请用简体中文回答。" : "";
  }
}
