/**
 * The Lucene side of the knowledge base: what a searchable document is ({@link
 * lookout.knowledge.index.IndexDocument}), how it maps to Lucene fields, and the index that holds
 * it with text postings, filters and KNN vectors. Knows nothing about Markdown or SQL.
 */
package lookout.knowledge.index;
