package lookout.knowledge.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cjk.CJKBigramFilterFactory;
import org.apache.lucene.analysis.cjk.CJKWidthFilterFactory;
import org.apache.lucene.analysis.core.FlattenGraphFilterFactory;
import org.apache.lucene.analysis.core.LowerCaseFilterFactory;
import org.apache.lucene.analysis.core.StopFilterFactory;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.en.PorterStemFilterFactory;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilterFactory;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilterFactory;
import org.apache.lucene.analysis.standard.StandardTokenizerFactory;
import org.apache.lucene.util.ClasspathResourceLoader;

/**
 * The analyzer for runbooks and questions. Operators write alert and state names in CamelCase
 * ({@code KubePodCrashLooping}, {@code CrashLoopBackOff}) next to prose and Chinese, so words are
 * split on case changes (keeping the original), stemmed, and Chinese is indexed as bigrams.
 */
public final class TextAnalysis {
  private TextAnalysis() {}

  /** A new analyzer instance (analyzers are thread-safe; one per index is enough). */
  public static Analyzer analyzer() {
    return build(true);
  }

  /**
   * The words as written, lower case, neither stemmed nor stopped: the vocabulary a misspelt query
   * word is corrected against ({@link Fields#WORDS}).
   */
  public static Analyzer words() {
    return build(false);
  }

  /**
   * What the index writer uses: {@link #words()} for {@link Fields#WORDS}, else {@link
   * #analyzer()}.
   */
  static Analyzer indexing() {
    return new PerFieldAnalyzerWrapper(analyzer(), Map.of(Fields.WORDS, words()));
  }

  private static Analyzer build(boolean stem) {
    try {
      CustomAnalyzer.Builder b =
          CustomAnalyzer.builder(new ClasspathResourceLoader(TextAnalysis.class))
              .withTokenizer(StandardTokenizerFactory.class)
              .addTokenFilter(CJKWidthFilterFactory.class)
              .addTokenFilter(CJKBigramFilterFactory.class)
              .addTokenFilter(
                  WordDelimiterGraphFilterFactory.class,
                  "splitOnCaseChange",
                  "1",
                  "splitOnNumerics",
                  "0",
                  "preserveOriginal",
                  "1",
                  "generateWordParts",
                  "1",
                  "generateNumberParts",
                  "1")
              .addTokenFilter(FlattenGraphFilterFactory.class)
              .addTokenFilter(LowerCaseFilterFactory.class);
      if (stem) {
        b.addTokenFilter(StopFilterFactory.class, "words", "stopwords.txt", "ignoreCase", "true")
            .addTokenFilter(StemmerOverrideFilterFactory.class, "dictionary", "stems.tsv")
            .addTokenFilter(PorterStemFilterFactory.class);
      }
      return b.build();
    } catch (IOException e) {
      throw new UncheckedIOException("while building the knowledge analyzer", e);
    }
  }
}
