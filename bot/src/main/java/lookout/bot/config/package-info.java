/**
 * Typed configuration: one YAML file with {@code ${ENV}} substitution and {@code LOOKOUT_*}
 * environment overrides, bound into records and validated once at start with errors that name the
 * key, the value and what is expected.
 */
package lookout.bot.config;
