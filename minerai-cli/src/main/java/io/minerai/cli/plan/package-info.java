/** The {@code plan} command: multi-year strategy comparison under uncertainty, search, tornado and charts. */
@NullMarked
package io.minerai.cli.plan;

import org.jspecify.annotations.NullMarked;
