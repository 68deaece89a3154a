/**
 * The chat edge: a platform-neutral message model ({@link lookout.adapters.chat}) and one adapter
 * per platform (console today; Slack, Feishu and WeCom later). Adapters verify and parse platform
 * payloads into typed records and render neutral messages back; they never see the agent.
 */
package lookout.adapters;
