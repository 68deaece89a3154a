/**
 * Knowledge: runbooks (Markdown, split by heading) and past incidents, searchable by words and by
 * meaning. {@link lookout.knowledge.KnowledgeBase} is the entry point: open it with {@link
 * lookout.knowledge.KnowledgeSettings}, feed it runbook folders (incrementally) and incidents, and
 * search with a {@link lookout.knowledge.SearchRequest}. The index is derived data: it can always
 * be rebuilt from the runbook folders and the incident store ({@code incidents} package).
 */
package lookout.knowledge;
