/**
 * Knowledge: a Lucene index of runbooks (Markdown, split by heading) and past incidents, searched
 * with BM25. The index is derived data: it can always be rebuilt from the runbook folders and the
 * incidents table.
 */
package lookout.knowledge;
