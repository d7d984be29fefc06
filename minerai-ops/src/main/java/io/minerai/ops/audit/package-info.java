/** Audit log implementations: in memory (tests) and append-only JDBC (embedded H2 file). */
@NullMarked
package io.minerai.ops.audit;

import org.jspecify.annotations.NullMarked;
