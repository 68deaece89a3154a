/**
 * HTTP services the agent reads or writes besides the cluster (Alertmanager): how to reach one
 * ({@link lookout.agent.remote.HttpEndpoint}: base URL, bearer token or basic auth, timeout) and
 * one bounded call ({@link lookout.agent.remote.HttpCalls}). Credentials never appear in messages
 * or {@code toString}.
 */
package lookout.agent.remote;
