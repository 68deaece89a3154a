/**
 * Several replicas on one PostgreSQL: a leader lease in the database, so periodic work (approval
 * expiry, the sweep for requests a dead replica left behind) runs on one replica at a time and
 * moves to another within the lease time when that replica dies. Correctness never rests on the
 * lease alone: every state change it guards is also a compare-and-set in the database.
 */
package lookout.bot.ha;
