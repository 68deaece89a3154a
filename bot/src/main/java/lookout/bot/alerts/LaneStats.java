package lookout.bot.alerts;

/**
 * What one destination's lane has done so far.
 *
 * @param coalesced updates folded into a later one instead of being sent on their own
 * @param pending groups still waiting to be delivered
 */
public record LaneStats(
    String destination,
    long posts,
    long edits,
    long coalesced,
    long failures,
    long stormSummaries,
    int pending) {}
