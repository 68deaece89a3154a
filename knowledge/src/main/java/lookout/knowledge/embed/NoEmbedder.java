package lookout.knowledge.embed;

/** The switched-off embedder. */
enum NoEmbedder implements Embedder {
  INSTANCE;

  @Override
  public int dimension() {
    return 0;
  }

  @Override
  public float[] embed(String text) {
    throw new IllegalStateException("semantic search is switched off: no embedding model loaded");
  }
}
