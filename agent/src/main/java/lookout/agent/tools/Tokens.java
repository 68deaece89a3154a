package lookout.agent.tools;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;

/**
 * Token counts with the cl100k_base tokenizer (GPT-4 class models; other models differ by some tens
 * of percent, the same way for every input). Used for budgets before a call and for the
 * token-economy benchmark; the model's own usage report is what the metrics record.
 */
public final class Tokens {
  private static final Encoding CL100K =
      Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);

  private Tokens() {}

  public static int count(String text) {
    return text == null || text.isEmpty() ? 0 : CL100K.countTokensOrdinary(text);
  }
}
