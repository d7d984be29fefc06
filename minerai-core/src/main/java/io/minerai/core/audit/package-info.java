/** The append-only audit log port: every command a controller sends and its outcome. Stores implement it. */
@NullMarked
package io.minerai.core.audit;

import org.jspecify.annotations.NullMarked;
