/** minerai-planning: multi-year plans splitting a site's megawatts between mining, own GPU cloud and colocation, with capex, financing, Monte Carlo risk and strategy search. */
@NullMarked
package io.minerai.planning;

import org.jspecify.annotations.NullMarked;
