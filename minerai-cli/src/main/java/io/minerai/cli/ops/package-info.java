/** CLI commands of live operations: {@code control} (real devices) and {@code simulate} (virtual site). */
@NullMarked
package io.minerai.cli.ops;

import org.jspecify.annotations.NullMarked;
