/** The command-line application: {@code ./minerai <command>}. One subcommand class per command. */
@NullMarked
package io.minerai.cli;

import org.jspecify.annotations.NullMarked;
