/** Strategy comparison under risk measures, search over allocations and timings, tornado sensitivity. */
@NullMarked
package io.minerai.planning.decision;

import org.jspecify.annotations.NullMarked;
