/**
 * Slack as a chat platform: signed Events API and interactivity requests in ({@link
 * lookout.adapters.slack.SlackRoutes}), Block Kit messages out through the official Web API client
 * ({@link lookout.adapters.slack.SlackAdapter}, {@link lookout.adapters.slack.BlockKitRenderer}).
 * Identities are {@code slack:<user id>}, taken only from verified payloads.
 */
package lookout.adapters.slack;
