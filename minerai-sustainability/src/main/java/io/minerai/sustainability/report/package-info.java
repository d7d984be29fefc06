/**
 * The sustainability result as report output: charts, an HTML section for the backtest report and the export files.
 */
@NullMarked
package io.minerai.sustainability.report;

import org.jspecify.annotations.NullMarked;
