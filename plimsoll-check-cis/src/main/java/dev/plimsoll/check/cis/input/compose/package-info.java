/**
 * Compose files to RunConfig. YAML is read through SnakeYAML's node graph, not jackson-dataformat-yaml: Jackson
 * keeps the merge key {@code <<} as an ordinary key, and the node graph gives each value's line for evidence.
 */
package dev.plimsoll.check.cis.input.compose;
