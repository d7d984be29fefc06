/**
 * Market programs as settlers: coincident-peak charges (ERCOT 4CP, the 12CP what-if, PJM's capacity obligation),
 * ancillary services (day-ahead capacity payments; ERCOT RTC+B day-ahead awards with real-time deviations), demand
 * response and emergency programs. Each program is one class with its streams, its measures and its tests; a market
 * pack decides which programs are in force on which dates.
 */
@NullMarked
package io.minerai.dispatch.program;

import org.jspecify.annotations.NullMarked;
