/**
 * Australian NEM data as AEMO and OpenElectricity publish it: AEMO's aggregated PRICE_AND_DEMAND files (interval-ending
 * SETTLEMENTDATE in NEM time, UTC+10 without daylight saving, RRP in AUD/MWh, TOTALDEMAND in MW) and OpenElectricity's
 * hourly exports, read into UTC interval-start series.
 */
@NullMarked
package io.minerai.data.aemo;

import org.jspecify.annotations.NullMarked;
