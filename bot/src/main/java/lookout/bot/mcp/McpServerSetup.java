package lookout.bot.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.json.schema.jackson2.DefaultJsonSchemaValidator;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import io.vertx.ext.web.Router;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import lookout.adapters.chat.Message;
import lookout.agent.Agent;
import lookout.agent.Answer;
import lookout.agent.tools.AgentTools;
import lookout.approvals.Approvals;
import lookout.bot.conversation.Conversations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lookout as an MCP server ({@code mcp.server.enabled}): the official SDK's server with Lookout's
 * tools, over Lookout's own Vert.x listener at {@code /mcp}.
 */
public final class McpServerSetup implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(McpServerSetup.class);
  static final McpJsonMapper JSON = new JacksonMcpJsonMapper(new ObjectMapper());

  private final McpSyncServer server;
  private final McpRoutes routes;

  /** The parts of Lookout the tools use. */
  public record Parts(
      Agent agent,
      Function<Answer, Message> render,
      AgentTools tools,
      Approvals approvals,
      Conversations conversations,
      ExecutorService work) {}

  public McpServerSetup(McpServerSettings settings, Parts parts) {
    McpSessions sessions =
        new McpSessions(
            JSON, settings.maxSessionsPerToken(), settings.sessionIdle(), System::nanoTime);
    LookoutTools tools =
        new LookoutTools(
            new McpAnswers(parts.agent(), parts.render()),
            parts.tools().clusterTools(),
            parts.tools().knowledgeTools(),
            new McpRequests(
                parts.tools().actions(),
                parts.conversations(),
                parts.approvals(),
                settings.cardsTo()));
    this.server =
        McpServer.sync(sessions)
            .serverInfo("lookout", "1")
            .instructions(
                "Lookout reads the Kubernetes cluster "
                    + parts.tools().cluster()
                    + " and its runbooks. It never changes anything on a client's say-so:"
                    + " request_restart and request_scale only ask people to approve in chat.")
            .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
            .jsonMapper(JSON)
            .jsonSchemaValidator(new DefaultJsonSchemaValidator())
            // arguments are checked by ToolArgs, which answers JSON-RPC errors naming the argument
            .validateToolInputs(false)
            .requestTimeout(Duration.ofMinutes(2))
            .tools(tools.all())
            .build();
    this.routes =
        new McpRoutes(
            new McpTokens(settings.tokens()), sessions, parts.work(), settings.maxRequestBytes());
    log.info(
        "MCP server on {} for clients {}; approval cards go to {}",
        McpRoutes.PATH,
        settings.tokens().keySet(),
        settings.cardsTo());
  }

  public void mount(Router router) {
    routes.mount(router);
  }

  @Override
  public void close() {
    server.closeGracefully();
  }
}
