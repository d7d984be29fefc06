/** Headless PNG charts of plan results: cash-flow fan chart, NPV distributions, tornado. */
@NullMarked
package io.minerai.planning.chart;

import org.jspecify.annotations.NullMarked;
