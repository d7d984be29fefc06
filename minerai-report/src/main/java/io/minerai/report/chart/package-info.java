/** PNG charts of a dispatch result (XChart, headless): price vs dispatch, cumulative and monthly revenue, hashprice vs breakeven. */
@NullMarked
package io.minerai.report.chart;

import org.jspecify.annotations.NullMarked;
