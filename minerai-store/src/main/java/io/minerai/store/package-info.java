/**
 * Persistence of scenarios (versioned), datasets with provenance, runs, results, decision ledgers, API tokens and the
 * audit log, over JDBC: embedded H2 by default, PostgreSQL by URL, schema by Flyway migrations.
 */
@NullMarked
package io.minerai.store;

import org.jspecify.annotations.NullMarked;
