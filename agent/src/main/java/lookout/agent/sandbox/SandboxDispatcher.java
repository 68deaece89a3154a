package lookout.agent.sandbox;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;

/**
 * The sandbox's API server: fabric8's CRUD store with the endpoints Lookout relies on made to
 * behave like a real API server (logs, field selectors, dry runs, evictions with
 * PodDisruptionBudgets, version, discovery). Everything else goes to CRUD.
 */
final class SandboxDispatcher extends Dispatcher {
  private static final String VERSION =
      """
      {"major":"1","minor":"31","gitVersion":"v1.31.4","gitCommit":"sandbox",\
      "gitTreeState":"clean","buildDate":"2024-12-10T00:00:00Z","goVersion":"go1.22.9",\
      "compiler":"gc","platform":"linux/amd64"}\
      """;

  private final KubernetesCrudDispatcher crud = new KubernetesCrudDispatcher();
  private final PodLogEndpoint logs;
  private final FieldSelectorLists fieldSelectors = new FieldSelectorLists(crud);
  private final DryRunWrites dryRuns = new DryRunWrites(crud);
  private final SeededHistory history = new SeededHistory(crud);
  private final Evictions evictions = new Evictions(crud);

  SandboxDispatcher(ContainerLogs logTexts) {
    this.logs = new PodLogEndpoint(crud, logTexts);
  }

  @Override
  public MockResponse dispatch(RecordedRequest raw) {
    try {
      ApiRequest request = ApiRequest.of(raw);
      if (request.is("GET") && request.path().equals("/version")) {
        return ApiResponses.json(200, VERSION);
      }
      MockResponse discovery = request.is("GET") ? Discovery.answer(request.path()) : null;
      if (discovery != null) {
        return discovery;
      }
      if (PodLogEndpoint.applies(request)) {
        return logs.serve(request);
      }
      if (Evictions.applies(request)) {
        return evictions.handle(request);
      }
      if (DryRunWrites.applies(request)) {
        return dryRuns.handle(request);
      }
      MockResponse rejected = DryRunWrites.rejectPatch(request);
      if (rejected != null) {
        return rejected;
      }
      if (FieldSelectorLists.applies(request)) {
        return fieldSelectors.list(request);
      }
      // the CRUD store consumes the request body: keep what was sent first
      String sent = request.is("POST") ? request.body() : "";
      MockResponse response = crud.dispatch(raw);
      if (request.is("POST")) {
        return history.restore(request, sent, response);
      }
      if (response.getWebSocketListener() != null) {
        return response.withWebSocketUpgrade(new OffLoopWatch(response.getWebSocketListener()));
      }
      return response.code() == 404 ? withNotFoundStatus(request, response) : response;
    } catch (RuntimeException e) {
      return ApiResponses.status(500, "InternalError", "sandbox: " + e);
    }
  }

  /** The CRUD mock answers a bare 404; the API server says what was not found. */
  private static MockResponse withNotFoundStatus(ApiRequest request, MockResponse response) {
    return ResourcePath.parse(request.path())
        .filter(p -> p.name() != null)
        .map(ApiResponses::notFound)
        .orElse(response);
  }

  @Override
  public void shutdown() {
    crud.shutdown();
  }
}
