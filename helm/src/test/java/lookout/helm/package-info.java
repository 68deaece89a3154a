/**
 * Tests of the Helm chart in {@code helm/lookout}: Helm itself (through helm-java) lints and
 * renders it; the rendered manifests are parsed and checked for least-privilege RBAC, a locked-down
 * pod, probes, schema validation, and a config and policy Lookout accepts.
 */
package lookout.helm;
