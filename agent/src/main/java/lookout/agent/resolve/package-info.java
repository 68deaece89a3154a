/**
 * From the words of a question to the objects it is about, against what exists in the cluster:
 * {@link lookout.agent.resolve.InventoryReader} reads the names of every kind a question can name
 * (bounded lists, pods from the informer cache), {@link lookout.agent.resolve.Mentions} finds which
 * of those names the text mentions — tolerant of separators, case, Chinese text around names and
 * small typos — and {@link lookout.agent.resolve.Resolver} turns mentions and the grammar's clues
 * into one {@link lookout.agent.resolve.Target}: an object, a namespace, several to choose from, or
 * nothing with the nearest names. Reads only.
 */
package lookout.agent.resolve;
