package lookout.agent.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.json.schema.jackson2.DefaultJsonSchemaValidator;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds an SDK client for one configured server: stdio for a command, Streamable HTTP for a URL.
 */
final class McpClients {
  private static final Logger log = LoggerFactory.getLogger(McpClients.class);
  static final McpJsonMapper JSON = new JacksonMcpJsonMapper(new ObjectMapper());
  private static final Duration CONNECT = Duration.ofSeconds(10);

  private McpClients() {}

  /** A client, not yet initialized. */
  static McpSyncClient create(McpServerConfig server) {
    return McpClient.sync(transport(server))
        .clientInfo(McpSchema.Implementation.builder("lookout", "1").build())
        .requestTimeout(server.timeout())
        .initializationTimeout(CONNECT.plus(server.timeout()))
        .jsonSchemaValidator(new DefaultJsonSchemaValidator())
        .build();
  }

  private static McpClientTransport transport(McpServerConfig server) {
    if (server.command().isPresent()) {
      ServerParameters params =
          ServerParameters.builder(server.command().get())
              .args(server.args())
              .env(server.env())
              .build();
      StdioClientTransport stdio = new StdioClientTransport(params, JSON);
      stdio.setStdErrorHandler(line -> log.debug("MCP server {}: {}", server.name(), line));
      return stdio;
    }
    URI url = server.url().orElseThrow();
    String base = url.getScheme() + "://" + url.getRawAuthority();
    String endpoint =
        (url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath())
            + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
    HttpRequest.Builder requests = HttpRequest.newBuilder();
    server.headers().forEach(requests::header);
    return HttpClientStreamableHttpTransport.builder(base)
        .endpoint(endpoint)
        .requestBuilder(requests)
        .connectTimeout(CONNECT)
        .jsonMapper(JSON)
        .build();
  }
}
