/** The 100,000-document benchmark: indexing throughput, query latency, index size and heap. */
package lookout.knowledge.bench;
