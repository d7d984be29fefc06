/**
 * PJM data as PJM publishes it: Data Miner 2 hourly LMPs (day-ahead and real-time, total and components, USD/MWh, hour
 * beginning in UTC and Eastern Prevailing Time) and RPM Base Residual Auction clearing prices (USD/MW-day of UCAP by
 * delivery year and LDA).
 */
@NullMarked
package io.minerai.data.pjm;

import org.jspecify.annotations.NullMarked;
