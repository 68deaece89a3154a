/**
 * Lookout as an MCP client: connections to the MCP servers the operator configured ({@code
 * mcp.servers}), their allowed tools joined to the LLM agent's tools ({@link
 * lookout.agent.mcp.McpToolSource}), and the executor that runs an approved call of a write tool
 * ({@link lookout.agent.mcp.McpActionExecutor}). Built on the official MCP Java SDK.
 */
package lookout.agent.mcp;
