/**
 * Sentence embeddings for semantic recall: the {@link lookout.knowledge.embed.Embedder} contract,
 * the in-process all-MiniLM-L6-v2 model shipped in a jar (nothing downloaded), and {@code none()}
 * for BM25-only operation.
 */
package lookout.knowledge.embed;
