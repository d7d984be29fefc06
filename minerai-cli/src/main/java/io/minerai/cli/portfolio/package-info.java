/** The {@code minerai portfolio} command: a company's sites, its mix and its acquisition targets. */
@NullMarked
package io.minerai.cli.portfolio;

import org.jspecify.annotations.NullMarked;
