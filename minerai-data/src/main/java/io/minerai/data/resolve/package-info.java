/** Turns a scenario's data sources into series on the run's grid, with gap reports. */
@NullMarked
package io.minerai.data.resolve;

import org.jspecify.annotations.NullMarked;
