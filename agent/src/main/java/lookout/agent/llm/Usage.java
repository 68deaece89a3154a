package lookout.agent.llm;

/**
 * Tokens of one model call as the provider bills them.
 *
 * @param prompt prompt tokens, cached ones included
 * @param completion completion tokens (reasoning included where the provider counts it there)
 * @param cached prompt tokens the provider served from its prompt cache (OpenAI {@code
 *     prompt_tokens_details.cached_tokens}, DeepSeek {@code prompt_cache_hit_tokens}); 0 when not
 *     reported
 * @param reported false when the provider sent no usage and these are estimates (4 characters a
 *     token)
 */
public record Usage(int prompt, int completion, int cached, boolean reported) {
  public static final Usage NONE = new Usage(0, 0, 0, true);

  public int total() {
    return prompt + completion;
  }

  public Usage plus(Usage o) {
    return new Usage(
        prompt + o.prompt, completion + o.completion, cached + o.cached, reported && o.reported);
  }

  static Usage estimate(int promptChars, int completionChars) {
    return new Usage((promptChars + 3) / 4, (completionChars + 3) / 4, 0, false);
  }
}
