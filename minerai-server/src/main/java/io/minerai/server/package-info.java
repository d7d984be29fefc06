/**
 * The minerai HTTP server: REST API under {@code /api} (scenarios, datasets, runs, tokens), the web dashboard, health,
 * OpenAPI description and Prometheus metrics, with token authentication by role.
 */
@NullMarked
package io.minerai.server;

import org.jspecify.annotations.NullMarked;
