package lookout.agent.mcp;

import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.List;

/** A tool result as plain text: its text parts in order; other parts are named, not inlined. */
final class McpResults {
  private McpResults() {}

  static String text(McpSchema.CallToolResult result) {
    List<String> parts = new ArrayList<>();
    if (result.content() != null) {
      for (McpSchema.Content c : result.content()) {
        switch (c) {
          case McpSchema.TextContent t -> parts.add(t.text());
          case McpSchema.ImageContent i -> parts.add("[image " + i.mimeType() + " left out]");
          case McpSchema.AudioContent a -> parts.add("[audio " + a.mimeType() + " left out]");
          case McpSchema.EmbeddedResource r -> parts.add("[resource " + r.resource().uri() + "]");
          case McpSchema.ResourceLink l -> parts.add("[resource link " + l.uri() + "]");
          default -> parts.add("[" + c.type() + " content left out]");
        }
      }
    }
    if (parts.isEmpty() && result.structuredContent() != null) {
      try {
        return McpClients.JSON.writeValueAsString(result.structuredContent());
      } catch (java.io.IOException e) {
        return "[structured content that is not JSON: " + e.getMessage() + "]";
      }
    }
    return String.join("\n", parts);
  }
}
