/** The {@code sustainability} command: Scope 2 emissions, renewable share and flexibility of a backtest. */
@NullMarked
package io.minerai.cli.sustainability;

import org.jspecify.annotations.NullMarked;
