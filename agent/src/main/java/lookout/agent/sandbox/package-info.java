/**
 * The sandbox cluster: fabric8's mock API server in CRUD mode on loopback, seeded with realistic
 * broken workloads from YAML resources, behind a dispatcher that fills the gaps where Lookout
 * relies on real API server behaviour (pod logs, event field selectors, {@code dryRun=All}).
 * Lookout's own code talks to it exactly as to a real cluster; nothing here is reachable from
 * outside the JVM.
 */
package lookout.agent.sandbox;
