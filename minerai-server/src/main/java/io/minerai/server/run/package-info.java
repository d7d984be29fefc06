/** Run kinds (backtest now; optimize and plan later) and the bounded executor that queues and runs them. */
@NullMarked
package io.minerai.server.run;

import org.jspecify.annotations.NullMarked;
