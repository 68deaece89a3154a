/**
 * Lookout as an MCP server at {@code /mcp} (Streamable HTTP, the official SDK's sessions over
 * Vert.x): bearer tokens per client, read tools answered like chat, and restart/scale requests that
 * become approval cards in chat and run only when approved.
 */
package lookout.bot.mcp;
