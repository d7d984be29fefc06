/** PNG charts of a portfolio run. */
@NullMarked
package io.minerai.portfolio.chart;

import org.jspecify.annotations.NullMarked;
