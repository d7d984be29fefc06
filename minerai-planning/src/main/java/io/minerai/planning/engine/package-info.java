/** The monthly cash-flow engine: compiled strategy schedules, market paths, power month banks and path evaluation. */
@NullMarked
package io.minerai.planning.engine;

import org.jspecify.annotations.NullMarked;
