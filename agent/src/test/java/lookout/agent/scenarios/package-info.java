/**
 * The scenario library's harness: {@link lookout.agent.scenarios.ScenarioLoader} reads the YAML
 * scenarios (objects, events and logs as an API server returns them, chat questions, expected
 * words), {@link lookout.agent.scenarios.ScenarioRunner} serves each from its own mock API server
 * and asks the offline agent every question, {@link lookout.agent.scenarios.Scorecard} scores and
 * reports per failure class. {@link lookout.agent.scenarios.ScenarioEval} is the evaluation command
 * ({@code -Pscenarios}); {@link lookout.agent.scenarios.ScenarioLibraryTest} is the build gate. See
 * docs/scenarios.md.
 */
package lookout.agent.scenarios;
