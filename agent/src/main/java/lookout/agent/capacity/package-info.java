/**
 * Capacity: requests and limits against actual usage (right-sizing), top consumers, and forecasts
 * of when memory, volumes, quotas or the cluster run out — from Prometheus history, with the
 * confidence of each trend and no forecast from too little data.
 */
package lookout.agent.capacity;
