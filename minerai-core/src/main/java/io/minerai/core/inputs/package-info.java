/** Scenario inputs resolved onto the run's time grid: the data every dispatch, report and plan reads. */
@NullMarked
package io.minerai.core.inputs;

import org.jspecify.annotations.NullMarked;
